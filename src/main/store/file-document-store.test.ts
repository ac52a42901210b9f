import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logs/types';
import { prepareDataDir } from './data-dir';
import { createFileDocumentStore } from './file-document-store';
import { makeTempDir } from './__test__/test-helpers';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function tempDir(): string {
  const { dir, cleanup } = makeTempDir('relay-docstore-');
  cleanups.push(cleanup);
  return dir;
}

/** Starts the writer, waits until it has written, lets it run a little more, then SIGKILLs it. */
function killMidWrite(dir: string, extraMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '__test__', 'test-crash-writer.ts'), dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    cleanups.push(() => child.kill('SIGKILL'));
    child.once('error', reject);
    child.once('exit', () => resolve());
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), extraMs));
  });
}

describe('createFileDocumentStore', () => {
  it('reads undefined when there is no file, and what it wrote afterwards', () => {
    const store = createFileDocumentStore({ dir: path.join(tempDir(), 'nested'), fileName: 'relay.json' });
    expect(store.read()).toBeUndefined();
    store.write({ schemaVersion: 2, a: [1, 2] });
    expect(store.read()).toEqual({ schemaVersion: 2, a: [1, 2] });
    expect(store.path.endsWith(`nested${path.sep}relay.json`)).toBe(true);
  });

  it('writes the file conf and electron-store write (same bytes, owner-only, no temp file left), so a data dir moves between hosts', () => {
    const dir = tempDir();
    const doc = { schemaVersion: 2, accounts: [{ id: 'a', name: 'ü' }], n: 1 };
    createFileDocumentStore({ dir, fileName: 'relay.json' }).write(doc);
    const ours = fs.readFileSync(path.join(dir, 'relay.json'), 'utf8');
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dir, 'relay.json')).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['relay.json']);

    const confDir = tempDir();
    const conf = new Conf<Record<string, unknown>>({ cwd: confDir, configName: 'relay', fileExtension: 'json', configFileMode: 0o600, clearInvalidConfig: false, accessPropertiesByDotNotation: false });
    conf.store = doc;
    expect(ours).toBe(fs.readFileSync(path.join(confDir, 'relay.json'), 'utf8'));
    expect(new Conf<Record<string, unknown>>({ cwd: dir, configName: 'relay', fileExtension: 'json', clearInvalidConfig: false }).store).toEqual(doc);
  });

  it('throws on a file that is not JSON instead of returning something', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'relay.json'), '{"half": ');
    expect(() => createFileDocumentStore({ dir, fileName: 'relay.json' }).read()).toThrow(SyntaxError);
  });

  it('refuses to write something that is not an object', () => {
    const store = createFileDocumentStore({ dir: tempDir(), fileName: 'relay.json' });
    expect(() => store.write([1])).toThrow(TypeError);
  });

  it('never leaves a half-written file when the process is killed mid-write', async () => {
    const dir = tempDir();
    for (const extraMs of [0, 7, 23, 61]) {
      await killMidWrite(dir, extraMs);
      const doc = createFileDocumentStore({ dir, fileName: 'relay.json' }).read() as { n: number; items: unknown[] };
      expect(typeof doc.n).toBe('number');
      expect(doc.items).toHaveLength(doc.n % 400);
    }
    // What the kills left beside the file is what start-up cleanup removes.
    prepareDataDir(dir, { logger: silentLogger, minTempAgeMs: 0 });
    expect(fs.readdirSync(dir)).toEqual(['relay.json']);
  });
});
