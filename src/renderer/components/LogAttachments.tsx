import type { RequestAttachment } from '../../shared/domain/request-log';
import { useT } from '../hooks/use-t';
import { formatClock, formatMs } from '../lib/format';
import { formatBytes } from '../lib/format-bytes';

/** The images and files a request sent: facts only (the log never holds their bytes). */
export function LogAttachments({ attachments, locale }: { attachments: readonly RequestAttachment[] | undefined; locale: string }) {
  const t = useT();
  if (!attachments || attachments.length === 0) return null;
  const upload = (item: RequestAttachment): string => {
    if (item.uploadedAt === null) return t('logs.attachmentPending');
    const time = formatClock(item.uploadedAt, locale);
    return item.cached ? t('logs.attachmentCached', { time }) : t('logs.attachmentUploaded', { time, ms: formatMs(item.uploadMs) });
  };
  return (
    <>
      <h4>{t('logs.attachments')}</h4>
      <table className="table attachments" data-testid="log-attachments">
        <thead>
          <tr>
            <th>{t('logs.attachmentName')}</th>
            <th>{t('logs.attachmentType')}</th>
            <th>{t('logs.attachmentSize')}</th>
            <th>{t('logs.attachmentSource')}</th>
            <th>{t('logs.attachmentUpload')}</th>
          </tr>
        </thead>
        <tbody>
          {attachments.map((item, index) => (
            <tr key={`${index}-${item.name}`}>
              <td>{item.name}</td>
              <td>
                <code>{item.mimeType}</code>
              </td>
              <td>{formatBytes(item.size)}</td>
              <td>{t(`logs.attachmentSource.${item.source}`)}</td>
              <td>{upload(item)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
