/** The attachment settings as the resolver's limits (settings keep megabytes, the resolver bytes). */
import type { Settings } from '../../shared/domain/settings';
import type { AttachmentLimits } from './types';

const MB = 1024 * 1024;

export function limitsFromSettings(settings: Settings): AttachmentLimits {
  const section = settings.attachments;
  return {
    maxCount: section.maxCount,
    maxBytes: Math.round(section.maxFileMb * MB),
    maxTotalBytes: Math.round(section.maxTotalMb * MB),
    fetchTimeoutMs: section.fetchTimeoutMs,
    allowPrivateAddresses: section.allowPrivateAddresses,
  };
}
