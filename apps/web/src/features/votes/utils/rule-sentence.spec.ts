import { describe, expect, it } from '@jest/globals';
import { translator } from '../../../i18n/testing';
import { RULE_SETS_WORDED, ruleSentence, ruleStatute, ruleTerms, weighsArea } from './rule-sentence';

describe('a rule in plain words', () => {
  it('says what an owners’ major-matter vote needs, in both languages', async () => {
    const zh = await translator('zh-CN');
    const en = await translator('en');
    // In the words owners use: 房屋面积, not 专有部分 (the explanation on tap names the legal term).
    expect(ruleSentence('cc278-major', 'motion', zh)).toBe(
      '要有两个三分之二的业主参与投票：参与的房屋面积占全部面积三分之二以上，参与的人数占全部业主三分之二以上；并且在参与的业主中，同意的房屋面积达到四分之三以上、同意的人数也达到四分之三以上。',
    );
    expect(ruleSentence('cc278-ordinary', 'motion', zh)).toContain('同意的房屋面积过半数、同意的人数也过半数（双过半）');
    for (const ruleSet of ['cc278-ordinary', 'cc278-major'] as const) expect(ruleSentence(ruleSet, 'motion', zh)).not.toContain('专有部分');
    expect(ruleTerms('cc278-ordinary')).toEqual(['doubleTwoThirds', 'doubleMajority', 'homeArea']);
    expect(ruleTerms('rceo-27')).toEqual([]);
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
