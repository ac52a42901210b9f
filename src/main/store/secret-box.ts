/**
 * Seals credentials before they reach the store. The desktop host backs this with Electron's
 * safeStorage (`kind: 'os'`); the headless host with an AES-256-GCM key file (file-secret-box.ts).
 */
export interface SecretBox {
  seal(plain: string): string;
  /** Throws RelayError when the data was tampered with or sealed by another key. */
  open(sealed: string): string;
  readonly kind: 'aes-file' | 'os';
}
