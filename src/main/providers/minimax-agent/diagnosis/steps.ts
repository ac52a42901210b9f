/**
 * Runs one upstream call for the diagnosis and writes what happened as a step: HTTP status,
 * envelope code, time, answer shape, or the relay's error code and words. Never throws.
 */
import type { DiagnosisStep } from '../../../../shared/domain/diagnosis';
import { isRelayError } from '../../../../shared/errors';
import type { CallSpec } from '../request';
import { describeShape } from './shape';

type Observe = NonNullable<CallSpec<unknown>['observe']>;

function envelopeCode(text: string): number | null {
  try {
    const json = JSON.parse(text) as { statusInfo?: { code?: unknown }; base_resp?: { status_code?: unknown } };
    const code = json.statusInfo?.code ?? json.base_resp?.status_code;
    return typeof code === 'number' ? code : null;
  } catch {
    return null;
  }
}

export async function recordStep<T>(
  steps: DiagnosisStep[],
  head: { call: string; profile: string },
  run: (observe: Observe) => Promise<T>,
): Promise<{ ok: true; value: T; step: DiagnosisStep } | { ok: false; error: unknown; step: DiagnosisStep }> {
  const step: DiagnosisStep = { ...head, outcome: 'ok', httpStatus: null, envelopeCode: null, ms: null, errorCode: null, note: null, shape: null };
  steps.push(step);
  const observe: Observe = (answer) => {
    step.httpStatus = answer.status;
    step.ms = answer.ms;
    step.envelopeCode = envelopeCode(answer.text);
    step.shape = describeShape(answer.text);
  };
  try {
    return { ok: true, value: await run(observe), step };
  } catch (error) {
    step.outcome = 'failed';
    step.errorCode = isRelayError(error) ? error.code : 'internal';
    step.note = error instanceof Error ? error.message : String(error);
    return { ok: false, error, step };
  }
}

export function skippedStep(steps: DiagnosisStep[], head: { call: string; profile: string }, note: string): void {
  steps.push({ ...head, outcome: 'skipped', httpStatus: null, envelopeCode: null, ms: null, errorCode: null, note, shape: null });
}
