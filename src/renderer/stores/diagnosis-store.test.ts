import { describe, expect, it } from 'vitest';
import type { DiagnosisReport } from '../../shared/domain/diagnosis';
import { ApiError } from '../lib/api-error';
import { createFakeApi } from '../lib/__test__/fake-api';
import { createDiagnosisStore } from './diagnosis-store';

const REPORT: DiagnosisReport = {
  createdAt: 1,
  upstreamHost: 'agent.minimaxi.com',
  region: 'cn',
  transport: 'node',
  credential: { tokenExpiresInDays: 20, cookieNames: [] },
  steps: [],
  workingProfiles: ['web-cookie-2026-05'],
  verdict: 'Chat works with the request profile web-cookie-2026-05.',
  text: 'MiniMax Relay diagnosis',
};

describe('diagnosis store', () => {
  it('runs a diagnosis per account, keeps the report, and clears it on dismiss', async () => {
    const api = createFakeApi();
    const asked: string[] = [];
    api.accounts.diagnose = async ({ id }) => (asked.push(id), REPORT);
    const store = createDiagnosisStore(api);
    const running = store.getState().run('a1');
    expect(store.getState().running.a1).toBe(true);
    await running;
    expect(asked).toEqual(['a1']);
    expect(store.getState().running.a1).toBeUndefined();
    expect(store.getState().reports.a1?.workingProfiles).toEqual(['web-cookie-2026-05']);
    store.getState().dismiss('a1');
    expect(store.getState().reports.a1).toBeUndefined();
  });

  it('shows the error code of a failed diagnosis', async () => {
    const api = createFakeApi();
    api.accounts.diagnose = async () => {
      throw new ApiError({ code: 'account_not_found', message: 'gone' });
    };
    const store = createDiagnosisStore(api);
    await store.getState().run('a1');
    expect(store.getState().errors.a1?.code).toBe('account_not_found');
    expect(store.getState().reports.a1).toBeUndefined();
  });
});
