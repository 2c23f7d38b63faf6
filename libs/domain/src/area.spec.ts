import { formatArea, parseArea } from './area';

describe('floor areas in 1/100 m²', () => {
  it('formats with thousands separators and two decimals', () => {
    expect(formatArea(601250)).toBe('6,012.50');
    expect(formatArea(5)).toBe('0.05');
    expect(formatArea(0)).toBe('0.00');
  });

  it('parses what staff type, keeping integers exact', () => {
    expect(parseArea('89.5')).toBe(8950);
    expect(parseArea('1,089.05')).toBe(108905);
    expect(parseArea(' 120 ')).toBe(12000);
  });

  it('refuses a third decimal rather than rounding someone’s area', () => {
    expect(() => parseArea('89.505')).toThrow(RangeError);
    expect(() => parseArea('-3')).toThrow(RangeError);
    expect(() => formatArea(1.5)).toThrow(RangeError);
  });

  it('round-trips', () => {
    for (const v of [0, 1, 99, 100, 123456789]) {
      expect(parseArea(formatArea(v))).toBe(v);
    }
  });
});
