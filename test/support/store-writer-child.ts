/**
 * Child process of the kill -9 store test. Opens the relay store exactly as createRelayCore does
 * (file document store with its atomic JSON writer, AES key file) and changes it as fast as it can:
 * adds model mappings (dropping the oldest beyond a cap) and adds or re-keys accounts (sealed
 * credentials). After each write returns it acknowledges on stdout — synchronously, so an ack the
 * parent reads is a write that completed before the kill.
 *
 *   ack map+ <id> | will map- <id> | ack map- <id> | ack acct <realUserId> <seq>
 *
 * `will map-` comes before a removal: a kill between the write and its ack may have removed it.
 */
import { writeSync } from 'node:fs';
import { createAccountRepository } from '../../src/main/accounts';
import { createFileDocumentStore, createFileSecretBox, createRelayStore } from '../../src/main/store';

const dir = process.argv[2];
const firstSeq = Number(process.argv[3] ?? '1');
if (!dir) throw new Error('usage: store-writer-child <dataDir> <firstSeq>');

const MAX_MAPPINGS = 40;
const ACCOUNTS = 20;

const secretBox = createFileSecretBox(dir);
const store = createRelayStore(createFileDocumentStore({ dir, fileName: 'relay.json' }), { secretBox });
const repository = createAccountRepository({ store, secretBox });
const ack = (line: string): void => void writeSync(1, `${line}\n`);

ack('ready');
for (let seq = firstSeq; ; seq += 1) {
  if (seq % 3 === 0) {
    const realUserId = `user-${seq % ACCOUNTS}`;
    repository.upsert({
      region: 'cn',
      credential: { kind: 'minimax-agent', token: `token-${realUserId}-seq-${seq}`, realUserId },
      identity: { realUserId, userName: realUserId, email: null, tokenExpiresAt: null },
    });
    ack(`ack acct ${realUserId} ${seq}`);
    continue;
  }
  const mappings = store.listMappings();
  if (mappings.length >= MAX_MAPPINGS && mappings[0]) {
    ack(`will map- ${mappings[0].id}`);
    store.removeMapping(mappings[0].id);
    ack(`ack map- ${mappings[0].id}`);
  }
  const id = `map-${seq}`;
  store.saveMapping({ id, pattern: `alias-${seq}-*`, target: 'MiniMax-M2.7', accountId: null, createdAt: Date.now() });
  ack(`ack map+ ${id}`);
}
