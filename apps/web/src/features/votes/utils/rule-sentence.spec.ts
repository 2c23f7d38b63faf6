import { describe, expect, it } from '@jest/globals';
import { translator } from '../../../i18n/testing';
import { RULE_SETS_WORDED, ruleSentence, ruleStatute, weighsArea } from './rule-sentence';

describe('a rule in plain words', () => {
  it('says what an owners’ major-matter vote needs, in both languages', async () => {
    const zh = await translator('zh-CN');
    const en = await translator('en');
    expect(ruleSentence('cc278-major', 'motion', zh)).toBe(
      '需由专有部分面积占比三分之二以上且人数占比三分之二以上的业主参与表决，并经参与表决的专有部分面积四分之三以上且参与表决人数四分之三以上的业主同意。',
    );
    expect(ruleSentence('cc278-ordinary', 'motion', zh)).toContain('参与表决的专有部分面积过半数且参与表决人数过半数的业主同意');
    expect(ruleSentence('rceo-27', 'motion', en)).toContain('at least two thirds of all members (not only of those present)');
    expect(ruleStatute('cc278-major', 'zh-CN')).toContain('第二百七十八条');
  });

  it('has a sentence for every rule set, and one for a poll with options', async () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const t = await translator(language);
      const sentences = RULE_SETS_WORDED.map((ruleSet) => ruleSentence(ruleSet, 'motion', t));
      for (const sentence of sentences) expect(sentence).not.toMatch(/^votes\./);
      expect(new Set(sentences).size).toBe(sentences.length);
      expect(ruleSentence('simple-majority', 'options', t)).not.toBe(ruleSentence('simple-majority', 'motion', t));
    }
  });

  it('weighs area for owners only', () => {
    expect(weighsArea('cc278-ordinary')).toBe(true);
    expect(weighsArea('rceo-27')).toBe(false);
  });
});
