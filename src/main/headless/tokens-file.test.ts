import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../store/__test__/test-helpers';
import { readTokensFile } from './tokens-file';

const temps: { cleanup(): void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

function file(content: string, mode = 0o600): string {
  const temp = makeTempDir('tokens-file-');
  temps.push(temp);
  const path = join(temp.dir, 'tokens.txt');
  writeFileSync(path, content);
  chmodSync(path, mode);
  return path;
}

describe('MINIMAX_RELAY_TOKENS_FILE', () => {
  it('keeps one credential per line, JSON lines whole, and skips blanks and comments', () => {
    const json = JSON.stringify({ realUserID: '1', token: 'a.b.c', cookies: 'x=1, 2; y=3' });
    const result = readTokensFile(file(`# accounts\n1+a.b.c\r\n\n  ${json}  \n a.b.c \n`), 'linux');
    expect(result).toEqual({ text: `1+a.b.c\n${json}\na.b.c`, lines: 3, readableByOthers: false });
  });

  it('says when others may read the file', () => {
    expect(readTokensFile(file('1+a.b.c', 0o644), 'linux').readableByOthers).toBe(true);
    expect(readTokensFile(file('1+a.b.c', 0o644), 'win32').readableByOthers).toBe(false);
  });

  it('names the file when it cannot be read', () => {
    expect(() => readTokensFile('/nonexistent/tokens.txt')).toThrow(/MINIMAX_RELAY_TOKENS_FILE \/nonexistent\/tokens.txt cannot be read/);
    const temp = makeTempDir('tokens-dir-');
    temps.push(temp);
    expect(() => readTokensFile(temp.dir)).toThrow(/cannot be read/);
  });
});
