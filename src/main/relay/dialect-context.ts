/** The DialectContext every dialect router is built with. */
import type { ModelMapping } from '../../shared/domain/model-mapping';
import type { ModelResolver } from '../models/types';
import type { ChatRunner } from './chat-runner';
import { estimatePromptTokens } from './chat-runner';
import type { DialectContext, ModelListing } from './types';
import { createFormatChecker, createStructuredOutput, prepareFormatRequest } from './structured';
import type { ToolEmulation } from './types';
import type { Logger } from '../logs/types';

/** `created` for catalog models in listings (OpenAI wants a Unix time; the catalog has none). */
const CATALOG_CREATED = 1_767_225_600; // 2026-01-01

export interface DialectContextDeps {
  runner: ChatRunner;
  models: ModelResolver;
  mappings?: () => readonly ModelMapping[];
  tools?: ToolEmulation;
  heartbeatMs: number;
  /** Warnings (a response schema that does not compile); optional for tests. */
  logger?: Logger;
}

export function listModels(models: ModelResolver, mappings: readonly ModelMapping[]): ModelListing[] {
  const listing: ModelListing[] = models.catalog().map((model) => ({ id: model.id, kind: 'catalog', target: null, created: CATALOG_CREATED }));
  const seen = new Set(listing.map((model) => model.id));
  for (const mapping of mappings) {
    // A wildcard is a rule, not a model a client could pick from a list.
    if (mapping.pattern.includes('*') || seen.has(mapping.pattern)) continue;
    seen.add(mapping.pattern);
    listing.push({ id: mapping.pattern, kind: 'alias', target: mapping.target, created: Math.floor(mapping.createdAt / 1000) });
  }
  return listing;
}

const NO_MAPPINGS: readonly ModelMapping[] = [];

export function createDialectContext(deps: DialectContextDeps): DialectContext {
  // The store hands out the same mappings array until one changes, and the catalog is fixed for
  // the run, so one listing per mappings version serves every /models call.
  let listed: { mappings: readonly ModelMapping[]; listing: readonly ModelListing[] } | null = null;
  const currentListing = (): readonly ModelListing[] => {
    const mappings = deps.mappings?.() ?? NO_MAPPINGS;
    if (listed?.mappings !== mappings) listed = { mappings, listing: listModels(deps.models, mappings) };
    return listed.listing;
  };
  const checker = createFormatChecker((problem) => deps.logger?.warn({ problem }, 'response schema does not compile; the reply is checked as plain JSON'));
  // Structured output wraps the runner: its repair request is a second chat through the same path.
  const structured = createStructuredOutput({ start: (request, http) => deps.runner.startChat(request, http), checker });
  return {
    startChat: structured.startChat,
    listModels: currentListing,
    countTokens: (request) => estimatePromptTokens(prepareFormatRequest(deps.tools ? deps.tools.prepare(request) : request)),
    heartbeatMs: deps.heartbeatMs,
  };
}
