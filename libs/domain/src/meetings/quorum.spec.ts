import { describe, expect, it } from '@jest/globals';
import { compound, developerUnit, equalUnits, person, roll, unit } from '../tally/testing';
import { doorProxyRefusal, meetingQuorum, QUORUM_RULES, SESSION_KINDS } from './quorum';

const ids = (prefix: string, from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

describe('the quorum of an owners’ meeting (Civil Code art. 278: two thirds by area and by headcount)', () => {
  it('is met at exactly two thirds of both, and not one owner short of it', () => {
    const owners = compound(equalUnits(9));
    expect(meetingQuorum('owners_meeting', owners, ids('o', 1, 6)).met).toBe(true);
    const short = meetingQuorum('owners_meeting', owners, ids('o', 1, 5));
    expect(short.met).toBe(false);
    expect(short.measures.map((m) => [m.id, m.present, m.total, m.missing, m.percent])).toEqual([
      ['area', 50000, 90000, 10000, '55.56'],
      ['persons', 5, 9, 1, '55.56'],
    ]);
  });

  it('needs both: the large flats’ owners alone hold the area but not the heads', () => {
    const owners = compound([unit('big-a', '300', 'big1'), unit('big-b', '300', 'big2'), ...equalUnits(4, '50')]);
    const state = meetingQuorum('owners_meeting', owners, ['big1', 'big2']);
    expect(state.measures.find((m) => m.id === 'area')!.met).toBe(true);
    expect(state.measures.find((m) => m.id === 'persons')!.met).toBe(false);
    expect(state.met).toBe(false);
  });

  it('counts an owner of several units once by head and with all their area, and the developer’s unsold units as one person', () => {
    const owners = compound([unit('u1', '100', 'a'), unit('u2', '100', 'a'), unit('u3', '100', 'b'), developerUnit('u4', '100'), developerUnit('u5', '100')], 'dev');
    const state = meetingQuorum('owners_meeting', owners, ['a', 'dev']);
    expect(state.measures.find((m) => m.id === 'persons')).toMatchObject({ present: 2, total: 3, met: true });
    expect(state.measures.find((m) => m.id === 'area')).toMatchObject({ present: 40000, total: 50000, met: true });
  });

  it('brings a co-owned flat in through its designated co-owner only, as it votes', () => {
    const owners = compound([unit('u1', '100', ['wife', 'husband'], 'wife'), unit('u2', '100', 'b'), unit('u3', '100', 'c')]);
    expect(meetingQuorum('owners_meeting', owners, ['husband', 'b']).measures.find((m) => m.id === 'persons')!.present).toBe(1);
    expect(meetingQuorum('owners_meeting', owners, ['wife', 'b']).met).toBe(true);
  });

  it('shows tenants and guests in the room but never counts them', () => {
    const state = meetingQuorum('owners_meeting', compound(equalUnits(3)), ['o1', 'o2', 'tenant', 'property-company']);
    expect(state.met).toBe(true);
    expect(state.notCounted).toBe(2);
  });
});

describe('the quorum of a member assembly (RCEO Law art. 27: two thirds of members with full civil capacity)', () => {
  const cooperative = roll({ h1: [person('m1', 'h1'), person('m2', 'h1'), person('kid', 'h1', 'minor')], h2: [person('m3', 'h2'), person('m4', 'h2')], h3: [person('m5', 'h3'), person('m6', 'h3', 'adult-without-capacity')] });

  it('counts only members with full capacity, in the room or by written proxy', () => {
    const state = meetingQuorum('member_assembly', cooperative, ['m1', 'm2', 'kid', 'm6']);
    expect(state.measures).toEqual([expect.objectContaining({ id: 'persons', present: 2, total: 5, met: false, missing: 2 })]);
    expect(state.notCounted).toBe(2);
    expect(meetingQuorum('member_assembly', cooperative, ['m1', 'm2', 'm3', 'm4']).met).toBe(true);
  });
});

describe('the quorum of a representative assembly (two thirds of all representatives)', () => {
  it('counts the representatives only', () => {
    const cooperative = roll({ h1: [person('r1', 'h1'), person('x1', 'h1')], h2: [person('r2', 'h2')], h3: [person('r3', 'h3')] }, ['r1', 'r2', 'r3']);
    expect(meetingQuorum('representative_assembly', cooperative, ['r1', 'x1']).measures[0]).toMatchObject({ present: 1, total: 3, met: false });
    expect(meetingQuorum('representative_assembly', cooperative, ['r1', 'r3']).met).toBe(true);
  });
});

describe('sessions without a legal quorum', () => {
  it('say so instead of showing a threshold: a consultative session and a joint meeting decide nothing by law', () => {
    for (const kind of ['consultative', 'joint_meeting'] as const) {
      expect(meetingQuorum(kind, compound(equalUnits(3)), ['o1'])).toEqual({ kind, rule: null, measures: [], met: null, counted: [], notCounted: 0 });
    }
  });

  it('has a rule, with its statute in both languages, for every other kind', () => {
    for (const kind of SESSION_KINDS) {
      const rule = QUORUM_RULES[kind];
      if (rule) expect(rule.statute['zh-CN']).toMatch(/三分之二以上/);
    }
  });
});

describe('an empty roll', () => {
  it('has no quorum: nobody can make two thirds of nobody', () => {
    expect(meetingQuorum('owners_meeting', compound([]), []).met).toBe(false);
  });
});

describe('written proxies recorded at the door', () => {
  const cooperative = roll({ h1: [person('m1', 'h1'), person('m2', 'h1'), person('kid', 'h1', 'minor')], h2: [person('m3', 'h2')], h3: [person('m4', 'h3')] });

  it('bring a member in through a full-capacity member of the same household who is in the room (RCEO art. 27)', () => {
    const proxy = { principal: 'm2', agent: 'm1', written: true };
    expect(doorProxyRefusal('member_assembly', cooperative, proxy)).toBeNull();
    expect(meetingQuorum('member_assembly', cooperative, ['m1', 'm3'], [proxy]).measures[0]).toMatchObject({ present: 3, total: 4, met: true });
    // Only while the agent is here.
    expect(meetingQuorum('member_assembly', cooperative, ['m3'], [proxy]).measures[0]).toMatchObject({ present: 1 });
  });

  it('refuse another household, a minor, a spoken proxy and oneself, in the tally’s words', () => {
    expect(doorProxyRefusal('member_assembly', cooperative, { principal: 'm3', agent: 'm1', written: true })).toBe('proxy-agent-other-household');
    expect(doorProxyRefusal('member_assembly', cooperative, { principal: 'm2', agent: 'kid', written: true })).toBe('proxy-agent-no-full-capacity');
    expect(doorProxyRefusal('member_assembly', cooperative, { principal: 'm2', agent: 'm1', written: false })).toBe('proxy-not-written');
    expect(doorProxyRefusal('member_assembly', cooperative, { principal: 'm1', agent: 'm1', written: true })).toBe('proxy-agent-is-principal');
    // A refused proxy brings nobody in.
    expect(meetingQuorum('member_assembly', cooperative, ['m1'], [{ principal: 'm3', agent: 'm1', written: true }]).measures[0]).toMatchObject({ present: 1 });
  });

  it('let an owner be represented by anyone in writing, with all their area; a representative assembly and a consultative session take none', () => {
    const owners = compound([unit('u1', '100', 'a'), unit('u2', '200', 'b'), unit('u3', '100', 'c')]);
    expect(meetingQuorum('owners_meeting', owners, ['a', 'c'], [{ principal: 'b', agent: 'a', written: true }]).met).toBe(true);
    expect(doorProxyRefusal('representative_assembly', roll({ h1: [person('r1', 'h1'), person('r2', 'h1')] }, ['r1', 'r2']), { principal: 'r2', agent: 'r1', written: true })).toBe('proxy-not-allowed');
    expect(doorProxyRefusal('consultative', owners, { principal: 'b', agent: 'a', written: true })).toBe('proxy-not-allowed');
  });
});
