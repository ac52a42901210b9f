export { startOpenSimulator } from './server';
export { SYSTEM_VOICES } from './t2a';
export type { OpenRecordedRequest, OpenScriptedReply, OpenSimAdmin, OpenSimKey, OpenSimKeyInput, OpenSimOptions, OpenSimStreamStats, OpenSimulator, SimKeyKind, SimRegion } from './types';
