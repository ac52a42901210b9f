export { createAttachmentResolver } from './resolve';
export type { AttachmentResolver, AttachmentResolverDeps } from './resolve';
export { latestTurnAttachments, latestTurnStart, sendsAttachments, isAttachmentPart } from './select';
export type { AttachmentKind, AttachmentLimits, AttachmentSource, ResolvedAttachment } from './types';
export { limitsFromSettings } from './limits';
