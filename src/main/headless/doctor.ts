/**
 * `minimax-relay doctor [--account ID] [--data-dir DIR] [--json]`: diagnoses the stored web
 * accounts against the configured upstream (the real service, or MINIMAX_RELAY_AGENT_URL) without
 * starting the server, prints the readable report (or JSON) and writes both next to the data, so a
 * user can attach them to a bug report. The report is redacted (no token, cookie, id or name).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { DiagnosisReport } from '../../shared/domain/diagnosis';
import { RelayError } from '../../shared/errors';
import { createRelayState } from '../core/relay-state';
import type { Logger } from '../logs/types';
import { defaultDataDir } from './cli-options';

export const DOCTOR_HELP = `Usage: minimax-relay doctor [options]

Checks each MiniMax web account against the configured upstream: user info, credits, device
registration, then a one-word chat (send, poll, delete) under every request profile. Prints a
report without tokens, cookies, ids or names, and saves it (JSON and text) in <data-dir>/diagnosis.

Options:
  --account <id|label>  Only this account (default: every web account)
  --data-dir <dir>      Where the relay keeps its data (env MINIMAX_RELAY_DATA_DIR)
  --json                Print the JSON report instead of the text
  -h, --help            Show this help
`;

export interface DoctorOutput {
  write(text: string): void;
}

export interface DoctorResult {
  reports: DiagnosisReport[];
  files: string[];
}

function parseDoctorFlags(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      options: {
        account: { type: 'string' },
        'data-dir': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new RelayError('invalid_request', `${(error as Error).message} See minimax-relay doctor --help.`);
  }
}

export async function runDoctor(argv: readonly string[], env: NodeJS.ProcessEnv, out: DoctorOutput, logger?: Logger): Promise<DoctorResult> {
  const flags = parseDoctorFlags(argv);
  if (flags.help) {
    out.write(DOCTOR_HELP);
    return { reports: [], files: [] };
  }
  const dataDir = flags['data-dir'] ?? (env.MINIMAX_RELAY_DATA_DIR || defaultDataDir(env));
  const hostUrls = { agentBaseUrl: env.MINIMAX_RELAY_AGENT_URL || undefined, openBaseUrl: env.MINIMAX_RELAY_OPEN_URL || undefined };
  const state = await createRelayState({ dataDir, host: 'web', ...(logger ? { logger } : {}), env: hostUrls });
  try {
    const wanted = flags.account;
    const diagnosable = new Set(state.modules.filter((module) => module.features.diagnosis).map((module) => module.id));
    const accounts = state.repository
      .list()
      .filter((record) => diagnosable.has(record.provider))
      .filter((record) => wanted === undefined || record.id === wanted || record.label === wanted);
    if (accounts.length === 0) {
      throw new RelayError(
        'account_not_found',
        wanted === undefined ? `No MiniMax web account is stored in ${dataDir}: add one first.` : `No web account with the id or label "${wanted}".`,
      );
    }
    const dir = join(dataDir, 'diagnosis');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const result: DoctorResult = { reports: [], files: [] };
    for (const [index, record] of accounts.entries()) {
      const provider = state.providers.get(record.provider);
      if (!provider.diagnose) throw new RelayError('internal', `The ${record.provider} provider cannot diagnose.`);
      const report = await provider.diagnose(state.repository.toProviderAccount(record, state.baseUrlFor(record.region, record.provider)));
      // Files are named by time and position, never by the account's label or id.
      const base = join(dir, `diagnosis-${new Date(report.createdAt).toISOString().replace(/[:.]/g, '-')}-${index + 1}`);
      writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`, { mode: 0o600 });
      writeFileSync(`${base}.txt`, `${report.text}\n`, { mode: 0o600 });
      result.reports.push(report);
      result.files.push(`${base}.json`, `${base}.txt`);
      out.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : `${report.text}\n\nSaved: ${base}.txt and .json\n\n`);
    }
    return result;
  } finally {
    state.pool.dispose();
    await state.requestLog.close();
    state.store.close();
  }
}
