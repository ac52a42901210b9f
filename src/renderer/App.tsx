import { lazy, Suspense, useEffect, useSyncExternalStore } from 'react';
import { ConnectionLost } from './components/auth/ConnectionLost';
import { useT } from './hooks/use-t';
import { parseHash, PAGES, toHash, type PageId } from './lib/routes';
import { useAccountsStore } from './stores/accounts-store';
import { useLogsStore } from './stores/logs-store';
import { useModelsStore } from './stores/models-store';
import { useRelayStore } from './stores/relay-store';
import { useSettingsStore } from './stores/settings-store';
import { useUiStore } from './stores/ui-store';

// Each page is its own chunk: the first screen loads only the code it shows.
const AccountsPage = lazy(() => import('./pages/AccountsPage').then((m) => ({ default: m.AccountsPage })));
const ConnectPage = lazy(() => import('./pages/ConnectPage').then((m) => ({ default: m.ConnectPage })));
const DashboardPage = lazy(() => import('./pages/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const LogsPage = lazy(() => import('./pages/LogsPage').then((m) => ({ default: m.LogsPage })));
const ModelsPage = lazy(() => import('./pages/ModelsPage').then((m) => ({ default: m.ModelsPage })));
const SettingsPage = lazy(() => import('./pages/SettingsPage').then((m) => ({ default: m.SettingsPage })));

function subscribeHash(notify: () => void): () => void {
  window.addEventListener('hashchange', notify);
  return () => window.removeEventListener('hashchange', notify);
}

function loadAll(): void {
  void useRelayStore.getState().load();
  void useAccountsStore.getState().load();
  void useModelsStore.getState().load();
  void useLogsStore.getState().load();
  void useSettingsStore.getState().load();
}

/** Loads every cache, keeps it fresh from pushed events, and reloads after a reconnect. */
function useDataSync(): void {
  useEffect(() => {
    const stops = [useRelayStore, useAccountsStore, useLogsStore, useSettingsStore].map((store) => store.getState().init());
    loadAll();
    let wasDown = false;
    const unsubscribe = useRelayStore.store().subscribe((state) => {
      if (state.connection === 'reconnecting') wasDown = true;
      if (state.connection === 'open' && wasDown) {
        wasDown = false;
        loadAll();
      }
    });
    return () => {
      unsubscribe();
      stops.forEach((stop) => stop());
    };
  }, []);

  const ui = useSettingsStore((s) => s.settings?.ui);
  useEffect(() => {
    if (!ui) return;
    const prefs = useUiStore.getState();
    if (prefs.theme !== ui.theme) prefs.setTheme(ui.theme);
    if (prefs.language !== ui.language) prefs.setLanguage(ui.language);
  }, [ui]);
}

function Page({ page, params }: { page: PageId; params: URLSearchParams }) {
  switch (page) {
    case 'accounts':
      return <AccountsPage />;
    case 'models':
      return <ModelsPage />;
    case 'logs':
      return <LogsPage initialId={params.get('id')} />;
    case 'settings':
      return <SettingsPage />;
    case 'connect':
      return <ConnectPage />;
    default:
      return <DashboardPage />;
  }
}

export function App() {
  const t = useT();
  const hash = useSyncExternalStore(subscribeHash, () => window.location.hash);
  const route = parseHash(hash);
  const connection = useRelayStore((s) => s.connection);
  useDataSync();

  useEffect(() => {
    document.title = `${t(`nav.${route.page}`)} · ${t('app.name')}`;
  }, [route.page, t]);

  return (
    <div className="layout">
      <nav className="sidebar" aria-label={t('nav.label')}>
        <div className="brand">{t('app.name')}</div>
        <ul>
          {PAGES.map((page) => (
            <li key={page}>
              <a href={toHash(page)} aria-current={route.page === page ? 'page' : undefined} data-page={page}>
                {t(`nav.${page}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        <header className="page-header">
          <h1>{t(`nav.${route.page}`)}</h1>
          {connection === 'connecting' ? (
            <span className="badge warn" role="status">
              {t('conn.connecting')}
            </span>
          ) : null}
        </header>
        <ConnectionLost />
        <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
          <Page page={route.page} params={route.params} />
        </Suspense>
      </main>
    </div>
  );
}
