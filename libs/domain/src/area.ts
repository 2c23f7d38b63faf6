/**
 * Floor areas are integers in 1/100 m² everywhere (no floating point in any figure a vote uses).
 * `formatArea(601250)` → `6,012.50`.
 */
export function formatArea(centiSquareMetres: number): string {
  if (!Number.isSafeInteger(centiSquareMetres)) {
    throw new RangeError(`Area must be an integer number of 1/100 m²: ${centiSquareMetres}`);
  }
  const sign = centiSquareMetres < 0 ? '-' : '';
  const abs = Math.abs(centiSquareMetres);
  const whole = Math.floor(abs / 100);
  const cents = abs % 100;
  const grouped = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}.${cents.toString().padStart(2, '0')}`;
}

/** Parses "89.5", "89.50" or "1,089.05" (m²) into 1/100 m², refusing more than two decimals. */
export function parseArea(squareMetres: string): number {
  const cleaned = squareMetres.trim().replace(/,/g, '');
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) {
    throw new RangeError(`Not an area in m² with at most two decimals: ${squareMetres}`);
  }
  const whole = Number(match[1]);
  const cents = Number((match[2] ?? '').padEnd(2, '0'));
  const value = whole * 100 + cents;
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`Area too large: ${squareMetres}`);
  }
  return value;
}
