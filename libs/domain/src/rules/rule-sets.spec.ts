import { describe, expect, it } from '@jest/globals';
import { decidingAssembly } from './rule-sets';

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
