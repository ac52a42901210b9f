import { describe, expect, it } from 'vitest';
import { chooseSecretBox, whichBoxSealed } from './secret-box-policy';

describe('secret box fallback', () => {
  it('uses the OS box when encryption is available with a real backend', () => {
    expect(chooseSecretBox({ platform: 'darwin', encryptionAvailable: true, linuxBackend: null })).toEqual({ kind: 'os' });
    expect(chooseSecretBox({ platform: 'win32', encryptionAvailable: true, linuxBackend: null })).toEqual({ kind: 'os' });
    expect(chooseSecretBox({ platform: 'linux', encryptionAvailable: true, linuxBackend: 'gnome_libsecret' })).toEqual({ kind: 'os' });
  });

  it('uses the key file on Linux basic_text, where the OS "encryption" is a fixed password', () => {
    const choice = chooseSecretBox({ platform: 'linux', encryptionAvailable: true, linuxBackend: 'basic_text' });
    expect(choice).toMatchObject({ kind: 'aes-file' });
  });

  it('refuses to store secrets when the OS cannot encrypt, telling the user what to do', () => {
    const linux = chooseSecretBox({ platform: 'linux', encryptionAvailable: false, linuxBackend: 'unknown' });
    expect(linux).toMatchObject({ kind: 'refuse', reason: expect.stringMatching(/keyring/) });
    expect(chooseSecretBox({ platform: 'darwin', encryptionAvailable: false, linuxBackend: null }).kind).toBe('refuse');
  });

  it('recognises which box sealed a value', () => {
    expect(whichBoxSealed('os1:AAAA')).toBe('os');
    expect(whichBoxSealed('v1:AAAA')).toBe('aes-file');
    expect(whichBoxSealed('plain')).toBeNull();
  });
});
