import { describe, expect, it } from '@jest/globals';
import { formatDate, formatDateTime, formatDateTimeRange, formatFileSize, formatPhone, maskPhone } from './format';

describe('dates', () => {
  it('are written the Chinese way, in China Standard Time', () => {
    // 16:30 UTC on 7 March is already 8 March in Beijing.
    expect(formatDate('2026-03-07T16:30:00.000Z', 'zh-CN')).toBe('2026年3月8日');
    expect(formatDate('2026-12-31T15:59:59.000Z', 'zh-CN')).toBe('2026年12月31日');
    expect(formatDate('2026-12-31T16:00:00.000Z', 'zh-CN')).toBe('2027年1月1日');
  });

  it('are written in words in English', () => {
    expect(formatDate('2026-03-07T16:30:00.000Z', 'en')).toBe('8 March 2026');
  });

  it('carry the time when asked, on a 24-hour clock', () => {
    expect(formatDateTime('2026-03-08T01:05:00.000Z', 'zh-CN')).toBe('2026年3月8日 09:05');
    expect(formatDateTime('2026-03-08T15:30:00.000Z', 'en')).toBe('8 March 2026, 23:30');
    expect(formatDateTime('2026-03-07T16:00:00.000Z', 'zh-CN')).toBe('2026年3月8日 00:00');
  });

  it('give nothing for an unreadable date', () => {
    expect(formatDate('not a date', 'zh-CN')).toBeNull();
    expect(formatDateTime('', 'en')).toBeNull();
  });
});

describe('phone numbers', () => {
  it('are grouped 3-4-4 or masked', () => {
    expect(formatPhone('13800000003')).toBe('138 0000 0003');
    expect(maskPhone('13800000003')).toBe('138****0003');
    expect(formatPhone('12345')).toBe('12345');
    expect(maskPhone('+8613800000003')).toBe('+8613800000003');
  });
});

describe('ranges and sizes', () => {
  it('write a session on one day with the end time only', () => {
    expect(formatDateTimeRange('2026-03-08T01:00:00.000Z', '2026-03-08T03:30:00.000Z', 'zh-CN')).toBe('2026年3月8日 09:00–11:30');
    expect(formatDateTimeRange('2026-03-08T01:00:00.000Z', '2026-03-08T03:30:00.000Z', 'en')).toBe('8 March 2026, 09:00–11:30');
  });

  it('write both moments in full across midnight, and nothing for a bad date', () => {
    expect(formatDateTimeRange('2026-03-08T15:00:00.000Z', '2026-03-08T17:00:00.000Z', 'zh-CN')).toBe('2026年3月8日 23:00 – 2026年3月9日 01:00');
    expect(formatDateTimeRange('nonsense', '2026-03-08T17:00:00.000Z', 'zh-CN')).toBeNull();
  });

  it('give file sizes in B, KB or MB', () => {
    expect(formatFileSize(512)).toBe('512 B');
    expect(formatFileSize(880_000)).toBe('859 KB');
    expect(formatFileSize(2.4 * 1024 * 1024)).toBe('2.4 MB');
  });
});
