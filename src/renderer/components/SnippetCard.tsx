import type { Snippet } from '../lib/snippets';
import { CopyButton } from './CopyButton';

export function SnippetCard({ snippet }: { snippet: Snippet }) {
  return (
    <section className="card snippet" aria-label={snippet.title} data-snippet={snippet.id}>
      <div className="row spread">
        <h4>{snippet.title}</h4>
        <CopyButton value={snippet.code} label={snippet.title} />
      </div>
      <pre>
        <code>{snippet.code}</code>
      </pre>
    </section>
  );
}
