import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AuthGate } from './components/auth/AuthGate';
import { getApi } from './lib/api-instance';
import './styles.css';

// Picks the transport (and moves the admin token out of the address bar) before the first render.
getApi();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <AuthGate>
        <App />
      </AuthGate>
    </StrictMode>,
  );
}
