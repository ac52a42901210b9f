/**
 * Which SecretBox the desktop app seals credentials with, given what the OS reports. Electron-free
 * so the decision is unit-tested; secret-box.ts applies it.
 *
 * - Encryption available with a real backend (Keychain, DPAPI, libsecret, KWallet): the OS box.
 * - Linux `basic_text`: Chromium then "encrypts" with a hard-coded password, which is obfuscation,
 *   not protection. Rather than pretend, or lock out every user without a keyring, the app uses
 *   the same AES-256-GCM key file (mode 0600, in the data dir) as the headless server, and says so
 *   in the log and the README.
 * - Encryption unavailable: refuse to store secrets (RelayError `encryption_unavailable`) so a
 *   credential is never written in plain text; everything else in the app keeps working.
 */
export interface OsEncryptionReport {
  platform: NodeJS.Platform;
  encryptionAvailable: boolean;
  /** `safeStorage.getSelectedStorageBackend()` on Linux; null elsewhere. */
  linuxBackend: string | null;
}

export type SecretBoxChoice =
  | { kind: 'os' }
  | { kind: 'aes-file'; reason: string }
  | { kind: 'refuse'; reason: string };

export function chooseSecretBox(report: OsEncryptionReport): SecretBoxChoice {
  if (report.platform === 'linux' && report.linuxBackend === 'basic_text') {
    return {
      kind: 'aes-file',
      reason: 'No system keyring was found (safeStorage backend basic_text); credentials are sealed with a key file in the data directory instead.',
    };
  }
  if (!report.encryptionAvailable) {
    return {
      kind: 'refuse',
      reason:
        report.platform === 'linux'
          ? 'The system keyring is not available, so credentials cannot be stored encrypted. Unlock or install a keyring (GNOME Keyring, KWallet) and restart the app.'
          : 'The operating system cannot encrypt data for this user right now, so credentials cannot be stored. Log in to your user session and restart the app.',
    };
  }
  return { kind: 'os' };
}

/** Sealed values say which box made them, so a data dir survives a change of backend. */
export const OS_SEAL_PREFIX = 'os1:';
export const FILE_SEAL_PREFIX = 'v1:';

export function whichBoxSealed(sealed: string): 'os' | 'aes-file' | null {
  if (sealed.startsWith(OS_SEAL_PREFIX)) return 'os';
  if (sealed.startsWith(FILE_SEAL_PREFIX)) return 'aes-file';
  return null;
}
