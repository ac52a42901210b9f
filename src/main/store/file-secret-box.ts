import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { RelayError } from '../../shared/errors';
import { silentLogger, type Logger } from '../logs/types';
import type { SecretBox } from './secret-box';
import { writeTempFile } from './temp-files';

const KEY_FILE = 'secret.key';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const PREFIX = 'v1:';

function readKey(keyPath: string, logger: Logger): Buffer {
  const key = Buffer.from(fs.readFileSync(keyPath, 'utf8').trim(), 'base64');
  if (key.length !== KEY_BYTES) {
    throw new RelayError('encryption_unavailable', `The key file ${keyPath} is damaged (expected ${KEY_BYTES} bytes).`);
  }
  // POSIX modes do not exist on Windows; there the data dir's ACL protects the key.
  if (process.platform !== 'win32') {
    const mode = fs.statSync(keyPath).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      logger.warn({ path: keyPath, mode: mode.toString(8) }, 'secret key file was readable by others; restricting it to 0600');
      fs.chmodSync(keyPath, 0o600);
    }
  }
  return key;
}

function loadOrCreateKey(dataDir: string, logger: Logger): Buffer {
  const keyPath = path.join(dataDir, KEY_FILE);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (!fs.existsSync(keyPath)) createKeyFile(dataDir, keyPath, logger);
  return readKey(keyPath, logger);
}

/**
 * Writes the key to a temp file, fsyncs it, then hard-links it into place: a kill at any moment
 * leaves either no key file or a complete one (never an empty file that would lock the relay out),
 * and `link` fails with EEXIST when another process got there first, so two processes starting at
 * once cannot each write a different key.
 */
function createKeyFile(dataDir: string, keyPath: string, logger: Logger): void {
  let tempPath: string | null = null;
  try {
    tempPath = writeTempFile(keyPath, crypto.randomBytes(KEY_BYTES).toString('base64'), 0o600);
    fs.linkSync(tempPath, keyPath);
    syncDirectory(dataDir);
    logger.info({ path: keyPath }, 'created a new secret key file');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    if (tempPath) fs.rmSync(tempPath, { force: true });
  }
}

function syncDirectory(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some platforms (Windows) cannot open a directory for fsync; the rename-free link is still atomic.
  }
}

/**
 * Headless SecretBox: AES-256-GCM with a random 32-byte key kept in `<dataDir>/secret.key`
 * (mode 0600). Sealed values are `v1:` + base64(iv ‖ tag ‖ ciphertext); a fresh IV per seal.
 */
export function createFileSecretBox(dataDir: string, deps: { logger?: Logger } = {}): SecretBox {
  const key = loadOrCreateKey(dataDir, deps.logger ?? silentLogger);
  return {
    kind: 'aes-file',
    seal(plain) {
      const iv = crypto.randomBytes(IV_BYTES);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    open(sealed) {
      if (!sealed.startsWith(PREFIX)) {
        throw new RelayError('invalid_credential', 'The stored credential has an unknown format; add the account again.');
      }
      const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64');
      if (raw.length < IV_BYTES + TAG_BYTES) {
        throw new RelayError('invalid_credential', 'The stored credential is damaged; add the account again.');
      }
      try {
        const decipher = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
        decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch (error) {
        throw new RelayError(
          'invalid_credential',
          'The stored credential could not be decrypted (damaged, or sealed with another key file); add the account again.',
          undefined,
          { cause: error },
        );
      }
    },
  };
}
