import { z } from 'zod';
import type { ProviderKind } from './account';
import { ROUTING_POLICIES, type RoutingPolicy } from './settings';

/**
 * A user alias: `pattern` is an exact model name or a wildcard (`*` matches any run of characters,
 * e.g. `gpt-*`, `claude-*`). `target` is a catalog model name. Optionally pinned to one account.
 */
export const modelMappingSchema = z.object({
  id: z.string().min(1),
  pattern: z.string().trim().min(1).max(200),
  target: z.string().trim().min(1).max(200),
  accountId: z.string().nullable(),
  createdAt: z.number(),
  /** Which kind of account serves this alias; null/absent = the global routing policy. */
  routing: z.enum(ROUTING_POLICIES).nullable().optional(),
});
export type ModelMapping = z.infer<typeof modelMappingSchema>;

export const modelMappingInputSchema = modelMappingSchema.pick({ pattern: true, target: true, accountId: true, routing: true });
export type ModelMappingInput = z.infer<typeof modelMappingInputSchema>;

export interface CatalogModel {
  id: string;
  base: string;
  thinking: boolean;
  webSearch: boolean;
  isDefault: boolean;
  description: string;
  /** Only these providers serve the model (absent: any). */
  providers?: ProviderKind[];
}

/** How a client's model name resolves, and why (shown in the UI's "try a model name"). */
export interface ModelResolution {
  requested: string;
  /** Catalog model the request runs on. */
  model: string;
  thinking: boolean;
  webSearch: boolean;
  /** `catalog` exact catalog hit; `alias` exact alias; `wildcard` pattern alias; `default` unknown name fell back. */
  via: 'catalog' | 'alias' | 'wildcard' | 'default';
  mappingId: string | null;
  accountId: string | null;
  explanation: string;
  /** The same explanation as values, so the UI can say it in the user's language. */
  explanationParams?: ModelExplanationParams;
  /** The alias's routing policy, when it sets one. */
  routing?: RoutingPolicy | null;
  /** Only these providers serve the model (absent or null: any). */
  providers?: ProviderKind[] | null;
}

/** What `explanation` says, as values: `ModelResolution.via` is its code. */
export interface ModelExplanationParams {
  /** The alias pattern that matched (alias and wildcard only). */
  pattern: string | null;
  /** Request options (thinking, web search) changed what the name alone would give. */
  overridden: boolean;
}
