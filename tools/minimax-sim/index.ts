export { startSimulator, type SimulatorDeps } from './server';
export { createScheduler, type Scheduler } from './scheduler';
export type {
  FaultEndpoint, FaultInput, FaultKind, RecordedRequest, ScriptedReply, SimAccount, SimAccountInput, SimAdmin, SimChat,
  SimOptions, Simulator, XSignatureVerdict,
} from './types';
