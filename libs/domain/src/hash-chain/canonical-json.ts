/**
 * Canonical JSON: the one byte sequence a value is hashed as. It is RFC 8785 (JSON Canonicalization
 * Scheme) restricted to the values the recount format uses — objects, arrays, strings, safe
 * integers, booleans and null:
 * - no whitespace anywhere;
 * - object members sorted by key, comparing keys as sequences of UTF-16 code units (what
 *   JavaScript's default `sort()` does); no duplicate keys;
 * - strings escaped as ECMAScript `JSON.stringify` escapes them (`"`, `\`, and control characters
 *   below U+0020 as \b \t \n \f \r or \u00XX with lower-case hex; everything else literal UTF-8);
 * - integers in plain decimal, with no sign for zero, no exponent and no fraction.
 * Any other number (fractions, beyond ±(2^53 − 1)) is refused, so no implementation can differ.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isSafeInteger(value)) {
        throw new TypeError(`Canonical JSON takes only safe integers, not ${String(value)}`);
      }
      return Object.is(value, -0) ? '0' : String(value);
    case 'string':
      if (!isWellFormedString(value)) {
        throw new TypeError('Canonical JSON takes only well-formed Unicode strings');
      }
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError('Canonical JSON takes only plain objects');
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      const members: string[] = [];
      for (const key of keys) {
        const member = record[key];
        if (member === undefined) {
          throw new TypeError(`Canonical JSON has no undefined: member ${key}`);
        }
        members.push(`${canonicalJson(key)}:${canonicalJson(member)}`);
      }
      return `{${members.join(',')}}`;
    }
    default:
      throw new TypeError(`Canonical JSON cannot hold a ${typeof value}`);
  }
}

/** True when the string is Unicode text: every surrogate in a pair (so it can be written as UTF-8). */
export function isWellFormedString(text: string): boolean {
  if (!/[\uD800-\uDFFF]/.test(text)) return true;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return false;
    }
  }
  return true;
}
