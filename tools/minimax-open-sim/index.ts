export { startOpenSimulator } from './server';
export { SYSTEM_VOICES } from './t2a';
export type { OpenRecordedRequest, OpenScriptedReply, OpenSimAdmin, OpenSimKey, OpenSimKeyInput, OpenSimulator, SimKeyKind, SimRegion } from './types';
