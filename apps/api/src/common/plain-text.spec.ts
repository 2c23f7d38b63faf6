import { DomainError } from './domain-error';
import type { PlainTextRule } from './plain-text';
import { plainText } from './plain-text';

const rule: PlainTextRule = { field: 'body', max: 10 };

function refusal(value: string, r = rule): string[] {
  try {
    plainText(value, r);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    const e = error as DomainError;
    expect(e.code).toBe('VALIDATION_FAILED');
    return (e.details!['fields'] as { reasons: string[] }[]).flatMap((f) => f.reasons);
  }
  throw new Error(`accepted ${JSON.stringify(value)}`);
}

describe('plainText', () => {
  it('keeps markup as the very text that was typed', () => {
    expect(plainText('<b>x</b>&amp;', { field: 'body', max: 100 })).toBe('<b>x</b>&amp;');
  });

  it('trims (full-width spaces too) and writes line breaks as \\n', () => {
    expect(plainText('\u3000 第一行\r\n第二行\r第三行 \n', { field: 'body', max: 100 })).toBe('第一行\n第二行\n第三行');
  });

  it('refuses empty text, control characters and bidirectional overrides', () => {
    expect(refusal('   \n ')).toEqual(['isNotEmpty']);
    expect(refusal('a\u0000b')).toEqual(['plainText']);
    expect(refusal('a\tb')).toEqual(['plainText']);
    expect(refusal('a\u001bb')).toEqual(['plainText']);
    expect(refusal('a\u202eb')).toEqual(['plainText']);
    expect(refusal('a\u2028b')).toEqual(['plainText']);
    expect(refusal('a\nb', { ...rule, singleLine: true })).toEqual(['plainText']);
  });

  it('counts characters as PostgreSQL does (an emoji is one)', () => {
    expect(plainText('😀'.repeat(10), rule)).toHaveLength(20);
    expect(refusal('😀'.repeat(11))).toEqual(['maxLength']);
    expect(refusal('一二三四五六七八九十一')).toEqual(['maxLength']);
  });
});
