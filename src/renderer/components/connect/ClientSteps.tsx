import { useT } from '../../hooks/use-t';
import type { MessageKey } from '../../lib/i18n';

const CLIENTS: { id: string; name: string; steps: MessageKey[] }[] = [
  { id: 'cherry', name: 'Cherry Studio', steps: ['connect.cherry.1', 'connect.cherry.2', 'connect.cherry.3', 'connect.cherry.4'] },
  { id: 'lobechat', name: 'LobeChat', steps: ['connect.lobe.1', 'connect.lobe.2', 'connect.lobe.3'] },
  { id: 'chatbox', name: 'ChatBox', steps: ['connect.chatbox.1', 'connect.chatbox.2', 'connect.chatbox.3'] },
];

/** Numbered set-up steps for the chat apps that take an OpenAI-compatible provider. */
export function ClientSteps({ baseUrl, model }: { baseUrl: string; model: string }) {
  const t = useT();
  return (
    <section className="card client-steps" aria-label={t('connect.stepsTitle')}>
      <h3>{t('connect.stepsTitle')}</h3>
      <div className="grid cols-3">
        {CLIENTS.map((client) => (
          <div key={client.id} data-client={client.id}>
            <h4>{client.name}</h4>
            <ol className="steps">
              {client.steps.map((key) => (
                <li key={key}>{t(key, { baseUrl, v1: `${baseUrl}/v1`, model })}</li>
              ))}
            </ol>
          </div>
        ))}
      </div>
    </section>
  );
}
