import type { ProviderKind } from '../../shared/domain/account';
import type { CatalogModel } from '../../shared/domain/model-mapping';

export const DEFAULT_MODEL = 'MiniMax-M2.7';

const BASES: readonly { base: string; summary: string; providers?: readonly ProviderKind[] }[] = [
  { base: 'MiniMax-M2.7', summary: 'Latest MiniMax Agent model' },
  { base: 'MiniMax-M2.5', summary: 'Previous MiniMax Agent model' },
  // The Open Platform's faster variants: API-key accounts only, and no web search there.
  { base: 'MiniMax-M2.7-highspeed', summary: 'MiniMax-M2.7 at higher speed (API-key accounts only)', providers: ['minimax-open'] },
  { base: 'MiniMax-M2.5-highspeed', summary: 'MiniMax-M2.5 at higher speed (API-key accounts only)', providers: ['minimax-open'] },
];

/** The name suffixes and the capabilities they switch on. The bare base name switches none. */
const VARIANTS = [
  { suffix: '', thinking: false, webSearch: false, note: 'fast replies, no web search' },
  { suffix: '-Think', thinking: true, webSearch: false, note: 'deep thinking (reasoning shown), no web search' },
  { suffix: '-Search', thinking: false, webSearch: true, note: 'web search, no deep thinking' },
  { suffix: '-Think-Search', thinking: true, webSearch: true, note: 'deep thinking and web search' },
] as const;

export const MODEL_CATALOG: readonly CatalogModel[] = BASES.flatMap(({ base, summary, providers }) =>
  VARIANTS.filter((variant) => !providers || !variant.webSearch).map((variant) => ({
    id: base + variant.suffix,
    base,
    thinking: variant.thinking,
    webSearch: variant.webSearch,
    isDefault: base + variant.suffix === DEFAULT_MODEL,
    description: `${summary}: ${variant.note}.`,
    ...(providers ? { providers: [...providers] } : {}),
  })),
);

/** Whether a base has web-search variants (the API-key-only bases have none). */
export function canSearch(base: string): boolean {
  return MODEL_CATALOG.some((model) => model.base === base && model.webSearch);
}

/** Case-insensitive catalog lookup ("minimax-m2.7-think" → MiniMax-M2.7-Think). */
export function findCatalogModel(name: string): CatalogModel | null {
  const lower = name.trim().toLowerCase();
  return MODEL_CATALOG.find((model) => model.id.toLowerCase() === lower) ?? null;
}

/** The catalog variant of `base` with exactly these capabilities. */
export function variantOf(base: string, capabilities: { thinking: boolean; webSearch: boolean }): CatalogModel {
  const found = MODEL_CATALOG.find((model) => model.base === base && model.thinking === capabilities.thinking && model.webSearch === capabilities.webSearch);
  if (!found) throw new Error(`No catalog variant of ${base}`);
  return found;
}

export function catalogNames(): string[] {
  return MODEL_CATALOG.map((model) => model.id);
}
