import { useT } from '../../hooks/use-t';
import { useSettingsStore } from '../../stores/settings-store';

export function SaveBar({ disabled, onSave, note }: { disabled: boolean; onSave(): void; note?: string }) {
  const t = useT();
  const saving = useSettingsStore((s) => s.saving);
  return (
    <div className="row save-bar">
      <button type="button" className="button primary" disabled={disabled || saving} onClick={onSave}>
        {saving ? t('common.saving') : t('common.save')}
      </button>
      {note ? <span className="muted small">{note}</span> : null}
    </div>
  );
}
