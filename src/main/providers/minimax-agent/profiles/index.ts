/**
 * The request profiles this client knows, in the order negotiation tries them for an account
 * that has no working profile yet. Add a profile: one file in this folder, one line here.
 */
import { signed202604 } from './signed-2026-04';
import type { RequestProfile } from './types';
import { webCookie202605 } from './web-cookie-2026-05';

export const REQUEST_PROFILES: readonly RequestProfile[] = [signed202604, webCookie202605];

export const DEFAULT_PROFILE: RequestProfile = signed202604;

export function findProfile(id: string | null | undefined): RequestProfile | undefined {
  return REQUEST_PROFILES.find((profile) => profile.id === id);
}

export { callShapeFor } from './types';
export type { CallShape, ModelOption, RequestProfile, SendField, SendShape } from './types';
