import crypto from 'node:crypto';
import { promisify } from 'node:util';
import { z } from 'zod';
import { RelayError } from '../../shared/errors';
import { loadDocument } from './load-document';
import type { StoreDocument } from './schema';
import type { SecretBox } from './secret-box';

const scrypt = promisify(crypto.scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

const FORMAT = 'minimax-relay-backup';
/** 2^15 × 8 × 128 B = 32 MiB of memory per derivation: slow enough to hinder guessing. */
const KDF = { N: 32_768, r: 8, p: 1 } as const;
const PLACEHOLDER = 'backup:opened';

const envelopeSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  createdAt: z.number(),
  // Bounded so a crafted file cannot make a restore allocate gigabytes (scrypt needs 128·N·r bytes).
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z.number().int().min(1024).max(65_536).refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
    r: z.number().int().min(1).max(8),
    p: z.number().int().min(1).max(4),
    salt: z.string(),
  }),
  cipher: z.literal('aes-256-gcm'),
  iv: z.string(),
  tag: z.string(),
  data: z.string(),
});

/**
 * What is encrypted inside a backup: the store document with each account's sealed credential
 * replaced by a placeholder, and the credentials OPENED in a side table. Sealed values only open
 * with the key of the machine that sealed them; opened ones restore anywhere.
 */
export interface PortableDocument {
  document: unknown;
  credentials: Record<string, string>;
}

const portableSchema = z.object({ document: z.unknown(), credentials: z.record(z.string(), z.string()) });

export function toPortableDocument(doc: StoreDocument, secretBox: SecretBox): PortableDocument {
  const credentials: Record<string, string> = {};
  const accounts = doc.accounts.map((account) => {
    try {
      credentials[account.id] = secretBox.open(account.sealedCredential);
    } catch (error) {
      throw new RelayError(
        'invalid_credential',
        `The credential of account "${account.label}" cannot be opened; log in to it again or remove it, then back up again.`,
        { accountId: account.id },
        { cause: error },
      );
    }
    return { ...account, sealedCredential: PLACEHOLDER };
  });
  return { document: { ...doc, accounts }, credentials };
}

/** Re-seals with the local SecretBox, migrates and validates; throws before anything is replaced. */
export function fromPortableDocument(portable: PortableDocument, secretBox: SecretBox): StoreDocument {
  const raw = portable.document;
  if (typeof raw !== 'object' || raw === null || !Array.isArray((raw as { accounts?: unknown }).accounts)) {
    throw new RelayError('backup_invalid', 'The backup does not contain a relay document.');
  }
  const accounts = ((raw as { accounts: unknown[] }).accounts).map((entry) => {
    const id = typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined;
    const plain = typeof id === 'string' ? portable.credentials[id] : undefined;
    if (plain === undefined) throw new RelayError('backup_invalid', 'The backup is missing the credential of an account.');
    return { ...(entry as object), sealedCredential: secretBox.seal(plain) };
  });
  try {
    return loadDocument({ ...(raw as object), accounts }).doc;
  } catch (error) {
    if (error instanceof RelayError && error.code === 'store_corrupt') {
      throw new RelayError('backup_invalid', error.message.replace('The settings file', 'The backup'), error.detail);
    }
    throw error;
  }
}

function deriveKey(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  return scrypt(passphrase.normalize('NFKC'), salt, 32, { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 });
}

/** Encrypts a portable document with a passphrase: a versioned JSON envelope (text). */
export async function createBackup(portable: PortableDocument, passphrase: string, now: () => number = Date.now): Promise<string> {
  if (passphrase.length < 1) throw new RelayError('invalid_request', 'A backup needs a passphrase.');
  const salt = crypto.randomBytes(16);
  const iv = crypto.randomBytes(12);
  const key = await deriveKey(passphrase, salt, KDF);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(portable), 'utf8'), cipher.final()]);
  const envelope: z.infer<typeof envelopeSchema> = {
    format: FORMAT,
    version: 1,
    createdAt: now(),
    kdf: { name: 'scrypt', ...KDF, salt: salt.toString('base64') },
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
  return JSON.stringify(envelope);
}

function parseEnvelope(data: string): z.infer<typeof envelopeSchema> {
  const text = data.trim();
  // Accept the envelope itself or its base64 (how it travels in BackupFile.data).
  const json = text.startsWith('{') ? text : Buffer.from(text, 'base64').toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new RelayError('backup_invalid', 'This is not a MiniMax Relay backup file.');
  }
  const parsed = envelopeSchema.safeParse(value);
  if (!parsed.success) throw new RelayError('backup_invalid', 'This is not a MiniMax Relay backup file (or a newer format).');
  return parsed.data;
}

/** Decrypts a backup. Wrong passphrase → `bad_passphrase`; anything malformed → `backup_invalid`. */
export async function openBackup(data: string, passphrase: string): Promise<PortableDocument> {
  const envelope = parseEnvelope(data);
  const key = await deriveKey(passphrase, Buffer.from(envelope.kdf.salt, 'base64'), envelope.kdf);
  let plain: string;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(envelope.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(envelope.tag, 'base64'));
    plain = Buffer.concat([decipher.update(Buffer.from(envelope.data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    // GCM cannot tell a wrong key from altered data; a wrong passphrase is by far the likelier.
    throw new RelayError('bad_passphrase', 'The passphrase is wrong, or the backup file was altered.');
  }
  let value: unknown;
  try {
    value = JSON.parse(plain);
  } catch {
    throw new RelayError('backup_invalid', 'The backup content is damaged.');
  }
  const parsed = portableSchema.safeParse(value);
  if (!parsed.success) throw new RelayError('backup_invalid', 'The backup content is damaged.');
  return { document: parsed.data.document, credentials: parsed.data.credentials };
}
