import { beforeAll, describe, expect, it } from '@jest/globals';
import type { i18n as I18n } from 'i18next';
import { createInstance } from 'i18next';
import { i18nOptions } from '../../../i18n/testing';
import { describeStats, statsPhrases } from './describe-stats';

let zh: I18n;
let en: I18n;

beforeAll(async () => {
  zh = createInstance();
  en = createInstance();
  await zh.init(i18nOptions('zh-CN'));
  await en.init(i18nOptions('en'));
});

describe('describeStats', () => {
  it('describes a cooperative in Chinese', () => {
    expect(describeStats('cooperative', { households: 40, members: 126, fullCapacityMembers: 98 }, zh.getFixedT('zh-CN'))).toBe(
      '40 户 · 126 名成员（其中 98 名完全民事行为能力人）',
    );
  });

  it('describes a cooperative in English, with plurals', () => {
    expect(describeStats('cooperative', { households: 40, members: 126, fullCapacityMembers: 98 }, en.getFixedT('en'))).toBe(
      '40 households · 126 members (98 of full capacity)',
    );
    expect(describeStats('cooperative', { households: 1, members: 1, fullCapacityMembers: 1 }, en.getFixedT('en'))).toBe(
      '1 household · 1 member (1 of full capacity)',
    );
  });

  it('describes a compound with its area in square metres', () => {
    const stats = { buildings: 3, exclusiveUnits: 304, totalAreaCentiM2: 3106390 };
    expect(describeStats('compound', stats, zh.getFixedT('zh-CN'))).toBe('3 栋楼 · 304 套房屋、车位和商铺 · 总面积 31,063.90㎡');
    expect(describeStats('compound', stats, en.getFixedT('en'))).toBe('3 buildings · 304 homes, parking spaces and shops · 31,063.90 m² in all');
    expect(describeStats('compound', { buildings: 1, exclusiveUnits: 1, totalAreaCentiM2: 8950 }, en.getFixedT('en'))).toBe(
      '1 building · 1 home, parking space or shop · 89.50 m² in all',
    );
  });

  it('groups thousands in large counts', () => {
    expect(describeStats('cooperative', { households: 1200 }, zh.getFixedT('zh-CN'))).toBe('1,200 户');
    expect(describeStats('cooperative', { households: 1200 }, en.getFixedT('en'))).toBe('1,200 households');
  });

  it('leaves out figures the API does not give', () => {
    expect(describeStats('cooperative', { members: 12 }, en.getFixedT('en'))).toBe('12 members');
    expect(describeStats('cooperative', { fullCapacityMembers: 9 }, zh.getFixedT('zh-CN'))).toBe('9 名完全民事行为能力人');
    expect(describeStats('compound', { totalAreaCentiM2: 0 }, zh.getFixedT('zh-CN'))).toBe('总面积 0.00㎡');
    expect(describeStats('compound', {}, en.getFixedT('en'))).toBeNull();
    expect(describeStats('cooperative', undefined, en.getFixedT('en'))).toBeNull();
  });

  it('gives one phrase per figure, for laying out', () => {
    expect(statsPhrases('compound', { buildings: 3, exclusiveUnits: 304, totalAreaCentiM2: 3106390 }, zh.getFixedT('zh-CN'))).toEqual([
      '3 栋楼',
      '304 套房屋、车位和商铺',
      '总面积 31,063.90㎡',
    ]);
  });

  it('gives no figures for streets and communities', () => {
    expect(describeStats('street', { households: 3 }, zh.getFixedT('zh-CN'))).toBeNull();
    expect(describeStats('community', undefined, zh.getFixedT('zh-CN'))).toBeNull();
  });
});
