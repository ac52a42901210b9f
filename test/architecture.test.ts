import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const ELECTRON_IMPORT = /(?:from\s+['"](?:electron|electron-store)['"]|require\(\s*['"](?:electron|electron-store)['"]\s*\)|import\(\s*['"](?:electron|electron-store)['"]\s*\))/;

function listSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listSources(path);
    return /\.(ts|tsx|mts|cts|js|mjs)$/.test(name) ? [path] : [];
  });
}

function isElectronHost(path: string): boolean {
  const rel = relative(root, path).split(sep).join('/');
  return rel.startsWith('src/main/electron/') || rel.startsWith('src/preload/') || rel === 'src/main/index.ts';
}

describe('architecture', () => {
  it('imports electron and electron-store only in the Electron host files', () => {
    const offenders = listSources(join(root, 'src'))
      .filter((path) => !isElectronHost(path))
      .filter((path) => ELECTRON_IMPORT.test(readFileSync(path, 'utf8')))
      .map((path) => relative(root, path));
    expect(offenders).toEqual([]);
  });

  it('keeps src/shared free of node:, DOM-only and electron imports', () => {
    const offenders = listSources(join(root, 'src/shared'))
      .filter((path) => /from\s+['"](node:|fs['"]|path['"]|electron)/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(root, path));
    expect(offenders).toEqual([]);
  });

  it('keeps providers off the HTTP front: they import the engine (src/main/relay), never src/main/proxy', () => {
    const offenders = listSources(join(root, 'src/main/providers'))
      .filter((path) => !/\.test\.tsx?$/.test(path))
      .filter((path) => /from\s+['"](?:\.\.\/)+proxy\//.test(readFileSync(path, 'utf8')))
      .map((path) => relative(root, path));
    expect(offenders).toEqual([]);
  });

  it('detects an electron import when one is present (guards the pattern itself)', () => {
    expect(ELECTRON_IMPORT.test("import { app } from 'electron';")).toBe(true);
    expect(ELECTRON_IMPORT.test("const Store = require('electron-store');")).toBe(true);
    expect(ELECTRON_IMPORT.test("import { z } from 'zod';")).toBe(false);
  });
});
