import { useDiagnosisStore } from '../stores/diagnosis-store';
import { DiagnosisPanel } from './DiagnosisPanel';

/** Connects one account's Diagnose action to the diagnosis store. */
export function AccountDiagnosis({ accountId }: { accountId: string }) {
  const running = useDiagnosisStore((s) => s.running[accountId] === true);
  const report = useDiagnosisStore((s) => s.reports[accountId]);
  const error = useDiagnosisStore((s) => s.errors[accountId]);
  const store = useDiagnosisStore.getState;
  return (
    <DiagnosisPanel
      running={running}
      report={report}
      error={error}
      onRun={() => void store().run(accountId)}
      onDismiss={() => store().dismiss(accountId)}
    />
  );
}
