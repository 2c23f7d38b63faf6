import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/base.css';
import { App } from './app/app';
import { initI18n } from './i18n';
import { coreChinese, coreStrings } from './i18n/page-strings';
import type { StringsPart } from './i18n/resources';
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

const start = (language: Language, strings: StringsPart): void => {
  const i18n = initI18n(language, { [DEFAULT_LANGUAGE]: coreChinese, [language]: strings });
  createRoot(container).render(
    <StrictMode>
      <App i18n={i18n} />
    </StrictMode>,
  );
};

// The frame's Chinese strings are in this bundle; English ones, when chosen, come from their own
// chunk first (each page brings its own, i18n/page-strings.ts). Should that fail (the connection
// dropped), the app starts in Chinese rather than not at all.
coreStrings(preferences.language).then(
  (strings) => start(preferences.language, strings),
  () => start(DEFAULT_LANGUAGE, coreChinese),
);
