/** A model-list response body, serialized once per listing version (see DialectContext.listModels). */
import type { DialectContext, ModelListing } from './types';

export function listingBody(context: DialectContext, render: (listing: readonly ModelListing[]) => unknown): () => string {
  let last: { listing: readonly ModelListing[]; body: string } | null = null;
  return () => {
    const listing = context.listModels();
    if (last?.listing !== listing) last = { listing, body: JSON.stringify(render(listing)) };
    return last.body;
  };
}
