import { ageOn, calendarDateIn, hasFullCivilCapacityByAge, parseIsoDate } from './civil-capacity';

describe('full civil capacity by age (Civil Code arts. 17, 201-202)', () => {
  it('is reached the day after the 18th birthday, not on it', () => {
    expect(hasFullCivilCapacityByAge('2008-11-25', '2026-11-26')).toBe(true);
    expect(hasFullCivilCapacityByAge('2008-11-26', '2026-11-26')).toBe(false);
    expect(hasFullCivilCapacityByAge('2008-11-26', '2026-11-27')).toBe(true);
  });

  it('counts completed years only', () => {
    expect(ageOn('1950-03-01', '2026-03-01')).toBe(75);
    expect(ageOn('1950-03-01', '2026-03-02')).toBe(76);
    expect(ageOn('2026-01-01', '2026-01-01')).toBe(0);
  });

  it('ends a period begun on 29 February at the end of February in a common year', () => {
    expect(hasFullCivilCapacityByAge('2008-02-29', '2026-02-28')).toBe(false);
    expect(hasFullCivilCapacityByAge('2008-02-29', '2026-03-01')).toBe(true);
  });

  it('refuses dates that do not exist', () => {
    expect(() => parseIsoDate('2026-02-29')).toThrow(RangeError);
    expect(() => parseIsoDate('2026-13-01')).toThrow(RangeError);
    expect(() => parseIsoDate('26-1-1')).toThrow(RangeError);
  });
});

describe('the legal calendar date', () => {
  it('is the date in China Standard Time, not the server’s', () => {
    // 2026-11-26 17:30 UTC is already 27 November in Foshan.
    expect(calendarDateIn('Asia/Shanghai', new Date('2026-11-26T17:30:00Z'))).toBe('2026-11-27');
    expect(calendarDateIn('Asia/Shanghai', new Date('2026-11-26T15:59:59Z'))).toBe('2026-11-26');
  });
});
