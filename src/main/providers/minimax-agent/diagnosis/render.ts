/** The readable form of a diagnosis report (what "Copy report" copies) and its one-line verdict. */
import type { DiagnosisReport, DiagnosisStep } from '../../../../shared/domain/diagnosis';

export function verdictOf(steps: readonly DiagnosisStep[], working: readonly string[]): string {
  const info = steps.find((step) => step.call === 'user_info');
  if (info?.errorCode === 'upstream_blocked') {
    return "Cloudflare's bot check blocks this machine: use the desktop app, or log in again in the app to refresh the clearance.";
  }
  if (info?.errorCode === 'upstream_auth_expired') return 'The token is rejected (expired or logged out): log in again.';
  if (info?.errorCode === 'upstream_unavailable') return 'MiniMax could not be reached: check the network or try again later.';
  if (working.length > 0) return `Chat works with the request profile ${working.join(', ')}.`;
  const skippedForCookies = steps.some((step) => step.call === 'send_msg' && step.outcome === 'skipped');
  return skippedForCookies
    ? 'The token works, but no request profile could chat. Log in again in the app so the browser cookies are stored, then run the diagnosis again; if it still fails, share this report.'
    : 'The token works, but MiniMax refused every request profile: the service has changed. Share this report.';
}

function cell(value: string | number | null, width: number): string {
  return String(value ?? '-').padEnd(width);
}

function stepLines(step: DiagnosisStep, index: number): string[] {
  const status = step.httpStatus === null ? '-' : `HTTP ${step.httpStatus}`;
  const code = step.envelopeCode === null ? '-' : `code ${step.envelopeCode}`;
  const ms = step.ms === null ? '-' : `${step.ms} ms`;
  const lines = [
    `${String(index + 1).padStart(2)}. ${cell(step.call, 16)}${cell(step.profile, 20)}${cell(step.outcome, 8)}${cell(status, 10)}${cell(code, 12)}${ms}`,
  ];
  if (step.errorCode || step.note) lines.push(`    ${[step.errorCode, step.note].filter(Boolean).join(': ')}`);
  if (step.shape) lines.push(`    shape: ${step.shape}`);
  return lines;
}

export function renderReport(report: Omit<DiagnosisReport, 'text'>): string {
  const cookies = report.credential.cookieNames;
  const expiry = report.credential.tokenExpiresInDays;
  return [
    `MiniMax Relay diagnosis, ${new Date(report.createdAt).toISOString()}`,
    `Upstream: ${report.upstreamHost} (region ${report.region}), transport ${report.transport}`,
    `Credential: token${expiry === null ? '' : ` expiring in ${expiry} day(s)`}; ${cookies.length === 0 ? 'no browser cookies' : `cookies ${cookies.join(', ')}`}`,
    `Working request profiles: ${report.workingProfiles.length > 0 ? report.workingProfiles.join(', ') : 'none'}`,
    `Verdict: ${report.verdict}`,
    '',
    ...report.steps.flatMap(stepLines),
    '',
    'Tokens, cookie values, ids, names and signatures are left out of this report.',
  ].join('\n');
}
