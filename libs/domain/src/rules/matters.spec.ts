import { describe, expect, it } from '@jest/globals';
import { assertMayDecide, checkMatters, MATTER_KINDS, MATTERS, mattersForUnit, ruleSetsForMatters } from './matters';
import { RULE_SETS } from './rule-sets';

describe('the matters each body decides', () => {
  it('lists Civil Code art. 278’s nine items for owners, in the statute’s order', () => {
    const owners = mattersForUnit('compound').filter((m) => MATTERS[m].body === 'owners');
    expect(owners).toHaveLength(9);
    expect(owners.map((m) => MATTERS[m].source['zh-CN'])).toEqual(['一', '二', '三', '四', '五', '六', '七', '八', '九'].map((n) => `《民法典》第二百七十八条第一款第（${n}）项`));
  });

  it('says using the repair fund (item 5) is an ordinary matter, and raising it (item 6) a major one', () => {
    expect(MATTERS['repair-fund-use'].name['zh-CN']).toBe('使用建筑物及其附属设施的维修资金');
    expect(MATTERS['repair-fund-use'].ruleSets).toEqual(['cc278-ordinary']);
    expect(MATTERS['repair-fund-raising'].name['zh-CN']).toBe('筹集建筑物及其附属设施的维修资金');
    expect(MATTERS['repair-fund-raising'].ruleSets).toEqual(['cc278-major']);
    expect(MATTERS.rebuilding.ruleSets).toEqual(['cc278-major']);
    expect(MATTERS['common-parts-use'].ruleSets).toEqual(['cc278-major']);
  });

  it('offers a cooperative the RCEO and village matters and a poll, and a compound the owners’ matters and a poll', () => {
    expect(mattersForUnit('cooperative')).toEqual(expect.arrayContaining(['charter', 'plans-and-distribution', 'non-member-rights', 'commercial-construction-land', 'village-income-use', 'villager-group-affairs', 'other']));
    expect(mattersForUnit('cooperative')).not.toContain('repair-fund-raising');
    expect(mattersForUnit('compound')).not.toContain('charter');
    expect(mattersForUnit('compound')).toContain('other');
  });

  it('gives every matter a source, a reason and at least one rule set whose body may decide it', () => {
    for (const id of MATTER_KINDS) {
      const info = MATTERS[id];
      expect(info.id).toBe(id);
      expect(info.ruleSets.length).toBeGreaterThan(0);
      expect(info.source['zh-CN'] && info.source.en && info.why['zh-CN'] && info.why.en).toBeTruthy();
      for (const ruleSet of info.ruleSets) expect(checkMatters(ruleSet, [id])).toBeNull();
    }
  });

  it('never allows for a new vote what the tally would refuse', () => {
    for (const id of MATTER_KINDS) for (const ruleSet of MATTERS[id].ruleSets) expect(assertMayDecide(ruleSet, [id])).toBeNull();
  });
});

describe('the rule sets that may decide a choice of matters', () => {
  it('is the three-quarter rule for raising repair funds and rebuilding together', () => {
    expect(ruleSetsForMatters(['repair-fund-raising', 'rebuilding'])).toEqual(['cc278-major']);
  });

  it('is none for an ordinary and a major matter together: they are separate votes', () => {
    expect(ruleSetsForMatters(['repair-fund-use', 'repair-fund-raising'])).toEqual([]);
  });

  it('is the member assembly or the representatives for an income distribution plan, the assembly alone once the charter is in it', () => {
    expect(ruleSetsForMatters(['plans-and-distribution'])).toEqual(['rceo-27', 'rceo-28']);
    expect(ruleSetsForMatters(['plans-and-distribution', 'charter'])).toEqual(['rceo-27']);
  });

  it('is none when nothing is chosen', () => {
    expect(ruleSetsForMatters([])).toEqual([]);
  });
});

describe('checkMatters, before a vote is announced', () => {
  it('refuses raising repair funds under the ordinary rule, pointing to the three-quarter rule', () => {
    const refusal = checkMatters('cc278-ordinary', ['repair-fund-raising']);
    expect(refusal?.matters).toEqual([expect.objectContaining({ matter: 'repair-fund-raising', decideUnder: 'cc278-major' })]);
    expect(refusal?.matters[0]?.reason['zh-CN']).toContain('四分之三');
  });

  it('refuses using the repair fund under the three-quarter rule: it is item 5, an ordinary matter', () => {
    const refusal = checkMatters('cc278-major', ['repair-fund-use']);
    expect(refusal?.matters).toEqual([expect.objectContaining({ matter: 'repair-fund-use', decideUnder: 'cc278-ordinary' })]);
    expect(refusal?.matters[0]?.reason['zh-CN']).toContain('第（五）项');
  });

  it('refuses a statutory matter as an informal poll, and an informal question under a statutory rule', () => {
    expect(checkMatters('simple-majority', ['owners-committee'])?.matters[0]?.decideUnder).toBe('cc278-ordinary');
    expect(checkMatters('cc278-ordinary', ['other'])?.matters[0]?.decideUnder).toBe('simple-majority');
    expect(checkMatters('simple-majority', ['other'])).toBeNull();
  });

  it('refuses the members’ matters to the owners and the owners’ to the members, saying whose they are', () => {
    const refusal = checkMatters('cc278-ordinary', ['charter']);
    expect(refusal?.matters[0]?.decideUnder).toBe('rceo-27');
    expect(refusal?.matters[0]?.reason['zh-CN']).toContain('只能由成员大会决定');
    expect(assertMayDecide('cc278-ordinary', ['charter'])?.matters[0]?.reason['zh-CN']).toContain('集体经济组织成员决定的事项');
    expect(checkMatters('rceo-27', ['management-statute'])?.matters[0]?.decideUnder).toBe('cc278-ordinary');
  });

  it('refuses the reserved matters to the representative assembly, and commercial construction land outside lml-63', () => {
    expect(checkMatters('rceo-28', ['membership'])?.matters[0]?.decideUnder).toBe('rceo-27');
    expect(checkMatters('rceo-27', ['commercial-construction-land'])?.matters[0]?.decideUnder).toBe('lml-63');
    expect(checkMatters('lml-63', ['commercial-construction-land'], { body: 'representatives', rceoApplies: true })).toBeNull();
  });

  it('lets the villagers’ assembly or its representatives decide art. 24 matters, and only the group its own', () => {
    expect(checkMatters('vcl-22', ['village-compensation'])).toBeNull();
    expect(checkMatters('vcl-26', ['village-compensation'])).toBeNull();
    expect(checkMatters('vcl-28', ['village-compensation'])?.matters[0]?.decideUnder).toBe('vcl-22');
    expect(checkMatters('vcl-28', ['villager-group-affairs'])).toBeNull();
  });
});

describe('assertMayDecide, as the tally and the recount apply it', () => {
  it('still counts an older vote that named an informal matter under a statutory rule', () => {
    expect(assertMayDecide('rceo-27', ['other'])).toBeNull();
    expect(assertMayDecide('vcl-26', ['other'])).toBeNull();
  });

  it('refuses one body’s matter under another body’s rule', () => {
    expect(assertMayDecide('rceo-27', ['management-statute'])?.matters[0]?.matter).toBe('management-statute');
    expect(assertMayDecide('cc278-major', ['charter'])?.matters[0]?.reason.en).toContain(RULE_SETS['cc278-major'].body.en);
  });
});
