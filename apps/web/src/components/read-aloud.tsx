import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browserStorage } from '../lib/preferences';
import type { SpeechRate } from '../lib/speech';
import { readSpeechRate, saveSpeechRate, speak, speechSynthesisOf } from '../lib/speech';
import './read-aloud.css';

/**
 * 朗读: a button that reads `text` aloud in Mandarin (the page's language otherwise), and stops it
 * when pressed again; beside it the speed, slow by default. A real button: keyboard and screen
 * readers reach it, and it keeps its size in large-text mode. Hidden where the browser cannot speak.
 */
export function ReadAloud({ text, label }: { text: string; label?: string }) {
  const { t, i18n } = useTranslation();
  const synth = speechSynthesisOf();
  const [speaking, setSpeaking] = useState(false);
  const [rate, setRate] = useState<SpeechRate>(() => readSpeechRate(browserStorage()));
  // Leaving the page stops the reading.
  useEffect(() => () => synth?.cancel(), [synth]);
  if (!synth || !text.trim()) return null;
  const toggle = (): void => {
    // The synthesiser as the page has it now (an extension or a test may stand in for it).
    const now = speechSynthesisOf() ?? synth;
    if (speaking) {
      now.cancel();
      setSpeaking(false);
      return;
    }
    setSpeaking(true);
    speak(now, text, { lang: i18n.language.startsWith('en') ? 'en-US' : 'zh-CN', rate, onEnd: () => setSpeaking(false) });
  };
  const changeRate = (next: SpeechRate): void => {
    setRate(next);
    saveSpeechRate(browserStorage(), next);
  };
  return (
    <span className="read-aloud no-print">
      <button type="button" className="button button--secondary button--small read-aloud__button" aria-pressed={speaking} onClick={toggle}>
        <span aria-hidden="true">🔊</span> {speaking ? t('readAloud.stop') : label ? t('readAloud.readThis', { what: label }) : t('readAloud.read')}
      </button>
      <button type="button" className="button button--link read-aloud__rate" onClick={() => changeRate(rate === 'slow' ? 'normal' : 'slow')}>
        {t(rate === 'slow' ? 'readAloud.slow' : 'readAloud.normal')}
      </button>
    </span>
  );
}
