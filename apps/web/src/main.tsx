import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/base.css';
import { App } from './app/app';
import { initI18n } from './i18n';
import { applyLargeText, browserStorage, readPreferences } from './lib/preferences';

// Apply the stored preferences before React renders anything, so the first paint is already
// in the right language and text size (no inline script: the page runs under `script-src 'self'`).
const preferences = readPreferences(browserStorage());
applyLargeText(document.documentElement, preferences.largeText);
const i18n = initI18n(preferences.language);

const container = document.getElementById('root');
if (!container) {
  throw new Error('index.html has no #root element');
}
createRoot(container).render(
  <StrictMode>
    <App i18n={i18n} />
  </StrictMode>,
);
