import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/base.css';
import { App } from './app/app';
import { initI18n } from './i18n';
import type { MainTranslation } from './i18n/resources';
import { chinese, loadTranslation } from './i18n/resources';
import type { Language } from './lib/preferences';
import { applyLargeText, browserStorage, DEFAULT_LANGUAGE, readPreferences } from './lib/preferences';

// Apply the stored preferences before React renders anything, so the first paint is already
// in the right language and text size (no inline script: the page runs under `script-src 'self'`).
const preferences = readPreferences(browserStorage());
applyLargeText(document.documentElement, preferences.largeText);

const container = document.getElementById('root');
if (!container) {
  throw new Error('index.html has no #root element');
}

const start = (language: Language, translation: MainTranslation): void => {
  const i18n = initI18n(language, { [DEFAULT_LANGUAGE]: chinese, [language]: translation });
  createRoot(container).render(
    <StrictMode>
      <App i18n={i18n} />
    </StrictMode>,
  );
};

// Chinese is in this bundle; English, when chosen, comes from its own chunk first. Should that
// fail (the connection dropped), the app starts in Chinese rather than not at all.
loadTranslation(preferences.language).then(
  (translation) => start(preferences.language, translation),
  () => start(DEFAULT_LANGUAGE, chinese),
);
