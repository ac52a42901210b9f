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

function toRel(path: string): string {
  return relative(root, path).split(sep).join('/');
}

/** Tests and the doubles they use: `*.test.ts(x)`, type tests and anything under `__test__/`. */
function isTestFile(rel: string): boolean {
  return /\.(test|type-test)\.tsx?$/.test(rel) || rel.includes('/__test__/') || /\.test-support(\.tsx?)?$/.test(rel);
}

function importSpecifiers(text: string): string[] {
  const pattern = /(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;
  return [...text.matchAll(pattern)].map((match) => match[1] ?? '');
}

/** A relative specifier as a repository path without extension (`src/main/proxy/errors`); others as written. */
function resolveSpecifier(fromRel: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  const parts = fromRel.split('/').slice(0, -1);
  for (const part of specifier.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/').replace(/\.(tsx?|js)$/, '');
}

/** `file → target` pairs of non-test files matching `from` that import a target matching `forbidden`. */
function boundaryOffenders(from: (rel: string) => boolean, forbidden: (target: string) => boolean): string[] {
  return listSources(join(root, 'src'))
    .map((path) => ({ path, rel: toRel(path) }))
    .filter(({ rel }) => from(rel) && !isTestFile(rel))
    .flatMap(({ path, rel }) =>
      importSpecifiers(readFileSync(path, 'utf8'))
        .map((specifier) => resolveSpecifier(rel, specifier))
        .filter((target) => forbidden(target))
        .map((target) => `${rel} → ${target}`),
    );
}

/** Started, not imported: the Electron main entry and the headless server (tests drive both). */
const ENTRY_POINTS = ['src/main/index.ts', 'src/main/headless.ts'];

const under = (dir: string) => (rel: string) => rel === dir || rel.startsWith(`${dir}/`);
const isProxy = under('src/main/proxy');

/** architecture.md §2.1; eslint.config.js states the same rules for the editor. */
const BOUNDARIES = [
  { rule: 'providers import the engine (src/main/relay), never the HTTP front', from: under('src/main/providers'), forbidden: isProxy },
  {
    rule: 'the engine (src/main/relay) has no HTTP: no proxy, express or node:http',
    from: under('src/main/relay'),
    forbidden: (target: string) => isProxy(target) || ['express', 'node:http', 'node:https', 'http', 'https'].includes(target),
  },
  {
    rule: 'dialects never import accounts or providers',
    from: under('src/main/proxy/dialects'),
    forbidden: (target: string) => under('src/main/accounts')(target) || under('src/main/providers')(target),
  },
  {
    rule: 'outside src/main/proxy, code reaches the HTTP front through its index only',
    from: (rel: string) => rel.startsWith('src/main/') && !isProxy(rel),
    forbidden: (target: string) => isProxy(target) && target !== 'src/main/proxy' && target !== 'src/main/proxy/index',
  },
];

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

  it.each(BOUNDARIES)('$rule', ({ from, forbidden }) => {
    expect(boundaryOffenders(from, forbidden)).toEqual([]);
  });

  it('keeps test doubles out of production folders and production code off them', () => {
    // A non-test file that only tests import is a test double under a production name (a module's
    // index is its public surface, whoever uses it).
    const importers = new Map<string, string[]>();
    for (const path of listSources(join(root, 'src'))) {
      const rel = toRel(path);
      for (const specifier of importSpecifiers(readFileSync(path, 'utf8'))) {
        const target = resolveSpecifier(rel, specifier).replace(/\/index$/, '');
        importers.set(target, [...(importers.get(target) ?? []), rel]);
      }
    }
    const doubles = listSources(join(root, 'src'))
      .map((path) => toRel(path))
      .filter((rel) => !isTestFile(rel) && !ENTRY_POINTS.includes(rel) && !/\/index\.tsx?$/.test(rel))
      .filter((rel) => {
        const target = rel.replace(/\.tsx?$/, '').replace(/\/index$/, '');
        const users = importers.get(target) ?? [];
        return users.length > 0 && users.every(isTestFile);
      });
    expect(doubles).toEqual([]);
    expect(boundaryOffenders(() => true, (target) => isTestFile(target))).toEqual([]);
  });

  it('finds a forbidden import when one is present (guards the boundary check itself)', () => {
    const specs = importSpecifiers("import { x } from '../proxy/errors';\nconst y = await import('./__test__/fakes');\nexport * from './z';");
    expect(specs).toEqual(['../proxy/errors', './__test__/fakes', './z']);
    expect(resolveSpecifier('src/main/relay/a.ts', '../proxy/errors')).toBe('src/main/proxy/errors');
    expect(isTestFile('src/main/proxy/__test__/fakes.ts')).toBe(true);
    expect(isTestFile('src/main/proxy/errors.ts')).toBe(false);
  });

  it('detects an electron import when one is present (guards the pattern itself)', () => {
    expect(ELECTRON_IMPORT.test("import { app } from 'electron';")).toBe(true);
    expect(ELECTRON_IMPORT.test("const Store = require('electron-store');")).toBe(true);
    expect(ELECTRON_IMPORT.test("import { z } from 'zod';")).toBe(false);
  });
});
