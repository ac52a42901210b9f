/**
 * Child process of file-document-store.test.ts: writes ever-changing documents as fast as it can
 * until the test kills it with SIGKILL. Each document is self-checking (`items.length === n`).
 */
import { createFileDocumentStore } from '../file-document-store';

const dir = process.argv[2];
if (!dir) throw new Error('usage: test-crash-writer <dir>');
const store = createFileDocumentStore({ dir, fileName: 'relay.json' });
const filler = 'x'.repeat(2048);
for (let n = 1; ; n += 1) {
  store.write({ schemaVersion: 2, n, items: Array.from({ length: n % 400 }, (_, i) => ({ i, filler })) });
  if (n === 5) process.stdout.write('ready\n');
}
