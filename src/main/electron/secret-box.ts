/**
 * The desktop SecretBox over Electron's safeStorage, with the fallback decided in
 * secret-box-policy.ts. Sealed values carry a prefix naming the box that made them, so a value
 * sealed by the key-file fallback still opens after a keyring appears (and the other way round).
 */
import type { SafeStorage } from 'electron';
import { RelayError } from '../../shared/errors';
import type { Logger } from '../logs/types';
import { createFileSecretBox } from '../store/file-secret-box';
import type { SecretBox } from '../store/secret-box';
import { chooseSecretBox, OS_SEAL_PREFIX, whichBoxSealed, type SecretBoxChoice } from './secret-box-policy';

export interface DesktopSecretBoxDeps {
  safeStorage: SafeStorage;
  platform: NodeJS.Platform;
  dataDir: string;
  logger: Logger;
}

/** Must be called after `app.whenReady()`: on Linux the backend is only known then. */
export function createDesktopSecretBox(deps: DesktopSecretBoxDeps): SecretBox & { choice: SecretBoxChoice } {
  const { safeStorage } = deps;
  const choice = chooseSecretBox({
    platform: deps.platform,
    encryptionAvailable: safeStorage.isEncryptionAvailable(),
    linuxBackend: deps.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null,
  });
  if (choice.kind !== 'os') deps.logger.warn({ secretBox: choice.kind }, choice.reason);

  let fileBox: SecretBox | null = null;
  const getFileBox = (): SecretBox => (fileBox ??= createFileSecretBox(deps.dataDir, { logger: deps.logger }));
  const unavailable = (reason: string): RelayError => new RelayError('encryption_unavailable', reason);

  function openOs(sealed: string): string {
    if (!safeStorage.isEncryptionAvailable()) throw unavailable('The system keyring is locked or unavailable, so saved credentials cannot be opened. Unlock it and restart the app.');
    try {
      return safeStorage.decryptString(Buffer.from(sealed.slice(OS_SEAL_PREFIX.length), 'base64'));
    } catch {
      throw unavailable('A saved credential could not be decrypted by the system keyring (it may belong to another user or machine). Log in to the account again.');
    }
  }

  return {
    choice,
    kind: choice.kind === 'aes-file' ? 'aes-file' : 'os',
    seal(plain) {
      if (choice.kind === 'refuse') throw unavailable(choice.reason);
      if (choice.kind === 'aes-file') return getFileBox().seal(plain);
      return `${OS_SEAL_PREFIX}${safeStorage.encryptString(plain).toString('base64')}`;
    },
    open(sealed) {
      const box = whichBoxSealed(sealed);
      if (box === 'os') return openOs(sealed);
      if (box === 'aes-file') return getFileBox().open(sealed);
      throw new RelayError('store_corrupt', 'A saved credential has an unknown format.');
    },
  };
}
