import { describe, expect, it } from '@jest/globals';
import { readSpeechRate, saveSpeechRate, speak, SPEECH_RATES } from './speech';

class FakeUtterance {
  lang = '';
  rate = 1;
  onend: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly text: string) {}
}

describe('reading aloud', () => {
  it('reads slowly unless the person chose the normal speed, and keeps the choice', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(readSpeechRate(storage)).toBe('slow');
    saveSpeechRate(storage, 'normal');
    expect(readSpeechRate(storage)).toBe('normal');
    expect(readSpeechRate(null)).toBe('slow');
  });

  it('speaks the text in Mandarin at the chosen speed, stopping what was being read first', () => {
    (globalThis as unknown as { SpeechSynthesisUtterance: unknown }).SpeechSynthesisUtterance = FakeUtterance;
    const calls: string[] = [];
    const spoken: FakeUtterance[] = [];
    const synth = { cancel: () => void calls.push('cancel'), speak: (u: FakeUtterance) => void (calls.push('speak'), spoken.push(u)) } as unknown as SpeechSynthesis;
    let ended = false;
    speak(synth, '是否同意更换电梯？', { lang: 'zh-CN', rate: 'slow', onEnd: () => (ended = true) });
    expect(calls).toEqual(['cancel', 'speak']);
    expect(spoken[0]).toMatchObject({ text: '是否同意更换电梯？', lang: 'zh-CN', rate: SPEECH_RATES.slow });
    spoken[0]!.onend!();
    expect(ended).toBe(true);
  });
});
