import { describe, expect, it } from '@jest/globals';
import type { LetterPerson, LetterSheet } from '../api/issue-invitations';
import { codeCount, letterPages } from './letter-pages';

const person = (n: number): LetterPerson => ({
  personType: 'member',
  personId: `p${n}`,
  name: `成员${n}`,
  code: '4821 0937 5512',
  expiresAt: '2026-05-08T00:00:00.000Z',
});
const sheet = (key: string, people: number): LetterSheet => ({ key, label: key, place: null, people: Array.from({ length: people }, (_, i) => person(i)) });

describe('letterPages', () => {
  it('gives one page per household or unit when its people fit', () => {
    const pages = letterPages([sheet('NC-001', 4), sheet('NC-002', 1)]);
    expect(pages.map((p) => [p.key, p.people.length, p.page, p.pages])).toEqual([
      ['NC-001', 4, 1, 1],
      ['NC-002', 1, 1, 1],
    ]);
  });

  it('continues a large household on another page, every page with its heading', () => {
    const pages = letterPages([sheet('NC-009', 9)], 4);
    expect(pages.map((p) => [p.key, p.people.map((x) => x.personId), p.page, p.pages])).toEqual([
      ['NC-009#1', ['p0', 'p1', 'p2', 'p3'], 1, 3],
      ['NC-009#2', ['p4', 'p5', 'p6', 'p7'], 2, 3],
      ['NC-009#3', ['p8'], 3, 3],
    ]);
    expect(pages.every((p) => p.sheet.label === 'NC-009')).toBe(true);
  });

  it('counts the codes, and refuses a nonsense page size', () => {
    expect(codeCount([sheet('a', 3), sheet('b', 2)])).toBe(5);
    expect(() => letterPages([], 0)).toThrow(RangeError);
  });
});
