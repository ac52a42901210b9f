import { useState } from 'react';
import { useT } from '../hooks/use-t';

export function CopyButton({ value, label }: { value: string; label: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 1_500);
    } catch {
      setCopied(false);
    }
  };
  return (
    <button type="button" className="button small" aria-label={t('common.copyLabel', { label })} onClick={() => void copy()}>
      {copied ? t('common.copied') : t('common.copy')}
    </button>
  );
}

/** A read-only value with a copy button (base URLs, keys). */
export function CopyField({ value, label }: { value: string; label: string }) {
  return (
    <div className="copy-field">
      <code aria-label={label}>{value}</code>
      <CopyButton value={value} label={label} />
    </div>
  );
}
