import { describe, expect, it } from '@jest/globals';
import { RULE_SET_BASES } from './rule-bases';
import { decidingAssembly, RULE_SET_IDS, RULE_SETS } from './rule-sets';

describe('the assembly that decides a matter', () => {
  it('puts both owners’ rules before the same owners', () => {
    expect(decidingAssembly('cc278-ordinary')).toBe(decidingAssembly('cc278-major'));
  });

  it('tells the member assembly from the member representative assembly', () => {
    expect(decidingAssembly('rceo-27')).toBe('members');
    expect(decidingAssembly('rceo-15')).toBe('members');
    expect(decidingAssembly('rceo-28')).toBe('member-representatives');
  });

  it('tells the villagers’ assembly, the village representatives and a villager group apart', () => {
    expect(new Set([decidingAssembly('vcl-22'), decidingAssembly('vcl-26'), decidingAssembly('vcl-28')]).size).toBe(3);
  });

  it('takes an lml-63 matter’s body from its parameters', () => {
    expect(decidingAssembly('lml-63', { body: 'members', rceoApplies: true })).toBe('members');
    expect(decidingAssembly('lml-63', { body: 'members', rceoApplies: false })).toBe('members');
    expect(decidingAssembly('lml-63', { body: 'representatives', rceoApplies: true })).toBe('member-representatives');
    expect(decidingAssembly('lml-63', { body: 'representatives', rceoApplies: false })).toBe('village-representatives');
  });
});

describe('a rule set’s basis, as residents’ pages read it alone', () => {
  it('is the statute and the area weighting of the full table', () => {
    for (const id of RULE_SET_IDS) {
      expect({ statute: RULE_SETS[id].statute, weightedByArea: RULE_SETS[id].weightedByArea }).toEqual(RULE_SET_BASES[id]);
      expect(RULE_SETS[id].id).toBe(id);
    }
  });

  it('weighs by floor area for the owners’ two rules only', () => {
    expect(RULE_SET_IDS.filter((id) => RULE_SET_BASES[id].weightedByArea)).toEqual(['cc278-ordinary', 'cc278-major']);
    expect(RULE_SETS['cc278-major'].statute['zh-CN']).toContain('《民法典》第二百七十八条');
    expect(RULE_SETS['rceo-27'].noticeDays).toBe(10);
  });
});
