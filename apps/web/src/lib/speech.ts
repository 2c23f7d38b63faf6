/**
 * Reading aloud (朗读) through the browser's own speech synthesis (Web Speech API): nothing is
 * sent anywhere, nothing is downloaded. Mandarin by default, at a speed the person chooses and
 * keeps (localStorage), slower than the engine's default for those who need it.
 */
import type { PreferenceStorage } from './preferences';

export const SPEECH_RATES = { slow: 0.7, normal: 1 } as const;
export type SpeechRate = keyof typeof SPEECH_RATES;

const RATE_KEY = 'yishi.speechRate';

export function readSpeechRate(storage: PreferenceStorage | null): SpeechRate {
  try {
    return storage?.getItem(RATE_KEY) === 'normal' ? 'normal' : 'slow';
  } catch {
    return 'slow';
  }
}

export function saveSpeechRate(storage: PreferenceStorage | null, rate: SpeechRate): void {
  try {
    storage?.setItem(RATE_KEY, rate);
  } catch {
    // Storage refused: the choice lasts for this page.
  }
}

/** The browser's synthesiser, or null where there is none (an old WebView): the button then does not show. */
export function speechSynthesisOf(win: Window | undefined = typeof window === 'undefined' ? undefined : window): SpeechSynthesis | null {
  return win && 'speechSynthesis' in win && typeof (win as Window & { SpeechSynthesisUtterance?: unknown }).SpeechSynthesisUtterance === 'function' ? win.speechSynthesis : null;
}

/** Speaks `text` (stopping whatever was being read), in `lang` at `rate`; `onEnd` when done or stopped. */
export function speak(synth: SpeechSynthesis, text: string, options: { lang: string; rate: SpeechRate; onEnd: () => void }): void {
  synth.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = options.lang;
  utterance.rate = SPEECH_RATES[options.rate];
  utterance.onend = options.onEnd;
  utterance.onerror = options.onEnd;
  synth.speak(utterance);
}
