import type { ImportResult, RelayStatus } from '../../shared/contract';

/** What the headless host prints once it listens: base URLs per dialect and the UI address. */
export function formatBanner(status: RelayStatus, adminToken: { token: string | null; generated: boolean }): string {
  const base = status.baseUrl ?? status.uiUrl?.replace(/\/ui\/$/, '') ?? '';
  const ui = status.uiUrl ?? `${base}/ui/`;
  const lines = [
    `MiniMax Relay listening on ${base}`,
    `  OpenAI base URL:    ${base}/v1`,
    `  Anthropic base URL: ${base}`,
    `  Gemini base URL:    ${base}`,
  ];
  if (adminToken.token) {
    lines.push(`  Web UI:             ${ui}#token=${encodeURIComponent(adminToken.token)}`);
    if (adminToken.generated) lines.push('  The admin token above is shown once; run with --new-admin-token to replace it.');
  } else {
    lines.push(`  Web UI:             ${ui}  (admin token: set MINIMAX_RELAY_ADMIN_TOKEN or run with --new-admin-token)`);
  }
  if (!status.running) lines.push('  The proxy is stopped (server.autoStart is off): start it from the web UI.');
  return `${lines.join('\n')}\n`;
}

export function formatImport(result: ImportResult, source = 'MINIMAX_RELAY_TOKENS'): string {
  const lines = [`Imported accounts from ${source}: ${result.created} added, ${result.updated} updated, ${result.failed} failed`];
  for (const line of result.results.filter((r) => !r.ok)) {
    lines.push(`  entry ${line.line} (${line.input}): ${line.error?.code ?? 'error'} — ${line.error?.message ?? ''}`);
  }
  return `${lines.join('\n')}\n`;
}
