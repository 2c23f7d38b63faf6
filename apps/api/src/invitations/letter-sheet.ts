/**
 * The printed invitation letters: one A5 page per household or exclusive unit, with, for each
 * person, the one-time code in large digits and a QR code that opens the sign-up page with it.
 * The API renders this sheet itself, because it is the only place a letter's code ever appears:
 * no JSON answer carries codes, so nothing but the paper holds them.
 */
import qrcode from 'qrcode-generator';
import { LEGAL_TIME_ZONE } from '@yishi/contracts';
import { LETTER_TEXTS } from './letter-texts';
import type { LetterLanguage } from './letter-texts';

export type { LetterLanguage } from './letter-texts';
export const LETTER_LANGUAGES: readonly LetterLanguage[] = ['zh-CN', 'en'];

export interface LetterPerson {
  personType: 'member' | 'owner' | 'tenant';
  personId: string;
  name: string;
  /** The 12 digits. */
  code: string;
  expiresAt: Date;
}

export interface LetterSheet {
  key: string;
  /** Household number (户号) or exclusive-unit number (房号). */
  label: string;
  /** Address of the household, or the building of the unit. */
  place: string | null;
  people: LetterPerson[];
}

export interface LettersToPrint {
  unitName: string;
  unitKind: 'cooperative' | 'compound';
  /** The site's address, printed for typing and put in the QR codes. */
  origin: string;
  language: LetterLanguage;
  sheets: LetterSheet[];
}

/** People per A5 page, with their QR codes (the print layout is measured for this many). */
export const PEOPLE_PER_PAGE = 4;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** `{{name}}` placeholders filled with escaped values. */
function fill(template: string, values: Record<string, string | number> = {}): string {
  return escapeHtml(template).replace(/\{\{(\w+)\}\}/g, (_, key: string) => escapeHtml(String(values[key] ?? '')));
}

/** Groups of four, as printed: `482109375512` → `4821 0937 5512`. */
export function formatCode(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** The sign-up address a letter's QR code opens. */
export function signupUrl(origin: string, code: string): string {
  const url = new URL('/signup', origin);
  url.searchParams.set('code', code);
  return url.toString();
}

/** A QR code as inline SVG (error correction M: a letter may get a crease or a smudge). */
function qrSvg(text: string, label: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const count = qr.getModuleCount();
  const quiet = 4;
  const size = count + 2 * quiet;
  const runs: string[] = [];
  for (let row = 0; row < count; row += 1) {
    let col = 0;
    while (col < count) {
      if (!qr.isDark(row, col)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < count && qr.isDark(row, col)) col += 1;
      runs.push(`M${start + quiet} ${row + quiet}h${col - start}v1h-${col - start}z`);
    }
  }
  return (
    `<svg class="letter-person__qr" viewBox="0 0 ${size} ${size}" role="img" aria-label="${escapeHtml(label)}" shape-rendering="crispEdges" xmlns="http://www.w3.org/2000/svg">` +
    `<rect width="${size}" height="${size}" fill="#ffffff"/><path d="${runs.join('')}" fill="#000000"/></svg>`
  );
}

/** A letter's dates, one formatter per language made once (making one costs some 200 times what formatting does, for every person on a sheet). */
const DATE_FORMATS = new Map(LETTER_LANGUAGES.map((language) => [language, new Intl.DateTimeFormat(language, { timeZone: LEGAL_TIME_ZONE, year: 'numeric', month: 'long', day: 'numeric' })]));

function formatDate(date: Date, language: LetterLanguage): string {
  return DATE_FORMATS.get(language)!.format(date);
}

interface Page {
  sheet: LetterSheet;
  people: LetterPerson[];
  page: number;
  pages: number;
}

/** A sheet with more people than fit on one page continues on another, each page with the sheet's heading. */
function pagesOf(sheets: readonly LetterSheet[]): Page[] {
  return sheets.flatMap((sheet) => {
    const pages = Math.max(1, Math.ceil(sheet.people.length / PEOPLE_PER_PAGE));
    return Array.from({ length: pages }, (_, index) => ({ sheet, people: sheet.people.slice(index * PEOPLE_PER_PAGE, (index + 1) * PEOPLE_PER_PAGE), page: index + 1, pages }));
  });
}

function renderPage(letters: LettersToPrint, page: Page): string {
  const t = LETTER_TEXTS[letters.language];
  const address = letters.origin.replace(/\/$/, '');
  const { sheet } = page;
  const people = page.people
    .map((person) => {
      const code = formatCode(person.code);
      return `<li class="letter-person" data-person-type="${person.personType}" data-person-id="${escapeHtml(person.personId)}" data-name="${escapeHtml(person.name)}">
  <div class="letter-person__text">
    <p class="letter-person__name">${escapeHtml(person.name)}<span class="letter-person__type">${escapeHtml(t.personType[person.personType])}</span></p>
    <p class="letter-person__code-label">${fill(t.codeLabel)}</p>
    <p class="letter-person__code" data-code="${person.code}">${code}</p>
    <p class="letter-person__expiry">${fill(t.expires, { date: formatDate(person.expiresAt, letters.language) })}</p>
  </div>
  ${qrSvg(signupUrl(letters.origin, person.code), t.qrLabel.replace('{{name}}', person.name))}
</li>`;
    })
    .join('\n');
  return `<article class="letter-sheet" data-label="${escapeHtml(sheet.label)}" data-place="${escapeHtml(sheet.place ?? '')}" aria-label="${fill(t.ariaLabel, { label: sheet.label })}">
<header class="letter-sheet__header">
  <p class="letter-sheet__brand">${fill(t.brand)}</p>
  <h2 class="letter-sheet__unit">${escapeHtml(letters.unitName)}</h2>
  <p class="letter-sheet__label"><span>${fill(letters.unitKind === 'cooperative' ? t.household : t.exclusiveUnit, { label: sheet.label })}</span>${
    sheet.place ? `<span class="letter-sheet__place">${escapeHtml(sheet.place)}</span>` : ''
  }${page.pages > 1 ? `<span class="letter-sheet__page">${fill(t.pageOf, { page: page.page, pages: page.pages })}</span>` : ''}</p>
</header>
<p class="letter-sheet__greeting">${fill(letters.unitKind === 'cooperative' ? t.introCooperative : t.introCompound)}</p>
<ol class="letter-sheet__steps">
  <li>${fill(t.step1)} <strong class="letter-sheet__address">${escapeHtml(address)}</strong>${fill(t.step1Qr)}</li>
  <li>${fill(t.step2)}</li>
  <li>${fill(t.step3)}</li>
</ol>
<ul class="letter-sheet__people">
${people}
</ul>
<footer class="letter-sheet__footer">${fill(t.footer)}</footer>
</article>`;
}

/**
 * The whole printable document. It carries no script; on screen the letters are cards, on paper
 * one A5 page each, sized in mm and pt.
 */
export function renderLetters(letters: LettersToPrint): string {
  const t = LETTER_TEXTS[letters.language];
  const pages = pagesOf(letters.sheets);
  const body = pages.length ? pages.map((page) => renderPage(letters, page)).join('\n') : `<p class="letters-none">${fill(t.none)}</p>`;
  return `<!doctype html>
<html lang="${letters.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${fill(t.title, { unit: letters.unitName })}</title>
<style>${LETTER_CSS}</style>
</head>
<body>
<main class="letters" data-letters="${pages.reduce((n, p) => n + p.people.length, 0)}">
${body}
</main>
</body>
</html>
`;
}

const LETTER_CSS = `
@page { size: A5 portrait; margin: 0; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; padding: 12px; background: #f2f2f2; color: #000; font-family: system-ui, -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif; }
.letters { display: flex; flex-direction: column; gap: 16px; align-items: center; }
.letters-none { max-width: 148mm; font-size: 16px; }
.letter-sheet { box-sizing: border-box; width: 100%; max-width: 148mm; padding: 16px; border: 1px solid #999; border-radius: 6px; background: #fff; font-size: 15px; line-height: 1.45; }
.letter-sheet__header { padding-bottom: 0.5em; border-bottom: 2px solid #b3261e; }
.letter-sheet__brand { margin: 0; color: #b3261e; font-weight: 700; }
.letter-sheet__unit { margin: 0.2em 0 0; font-size: 1.5em; }
.letter-sheet__label { display: flex; flex-wrap: wrap; gap: 0 1em; margin: 0.1em 0 0; font-size: 1.15em; font-weight: 700; }
.letter-sheet__place { font-weight: 400; }
.letter-sheet__page { margin-left: auto; font-weight: 400; }
.letter-sheet__greeting { margin: 0.6em 0 0.3em; }
.letter-sheet__steps { margin: 0 0 0.6em; padding-left: 1.6em; }
.letter-sheet__address { overflow-wrap: anywhere; font-family: ui-monospace, Menlo, Consolas, monospace; }
.letter-sheet__people { margin: 0; padding: 0; list-style: none; }
.letter-person { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5em 0.75em; padding: 0.5em 0.6em; border: 1.5px dashed #555; border-radius: 0.4em; break-inside: avoid; }
.letter-person + .letter-person { margin-top: 0.5em; }
.letter-person__text { flex: 1 1 auto; min-width: 0; }
.letter-person__text p { margin: 0; }
.letter-person__name { font-size: 1.2em; font-weight: 700; }
.letter-person__type { margin-left: 0.5em; white-space: nowrap; font-size: 0.8em; font-weight: 400; }
.letter-person__code-label, .letter-person__expiry { font-size: 0.85em; }
.letter-person__code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 1.55em; font-weight: 700; font-variant-numeric: tabular-nums; letter-spacing: 0.04em; white-space: nowrap; }
.letter-person__qr { flex: none; width: 6.5em; height: 6.5em; }
.letter-sheet__footer { margin-top: 0.6em; font-size: 0.85em; }
@media print {
  body { padding: 0; background: #fff; }
  .letters { display: block; }
  .letter-sheet { display: flex; flex-direction: column; width: 148mm; max-width: none; height: 209.5mm; margin: 0; padding: 9mm 11mm 8mm; overflow: hidden; border: 0; border-radius: 0; font-size: 11pt; break-after: page; break-inside: avoid; }
  .letter-sheet:last-child { break-after: auto; }
  .letter-sheet__unit { font-size: 16pt; }
  .letter-sheet__label { font-size: 12pt; }
  .letter-person { flex-wrap: nowrap; height: 27mm; padding: 1.5mm 3mm; }
  .letter-person + .letter-person { margin-top: 2mm; }
  .letter-person__name { font-size: 12.5pt; }
  .letter-person__code { font-size: 19pt; }
  .letter-person__qr { width: 24mm; height: 24mm; }
  .letter-sheet__footer { margin-top: auto; padding-top: 2mm; border-top: 1px solid #999; font-size: 9pt; }
  .letter-sheet, .letter-sheet * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** A person a letter is printed for, and the sheet it goes on. */
export interface LetterSource {
  person_type: LetterPerson['personType'];
  person_id: string;
  name: string;
  sheet_key: string;
  label: string;
  place: string | null;
}

/** Each person once (an owner of several units is one person with one letter). */
export function dedupe<C extends LetterSource>(candidates: C[]): C[] {
  const seen = new Set<string>();
  return candidates.filter((c) => {
    const key = `${c.person_type}:${c.person_id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The sheets to print, one per household or unit, each person with their new code (people without one are left out). */
export function toSheets(candidates: LetterSource[], codes: Map<string, string>, expiresAt: Date): LetterSheet[] {
  const sheets = new Map<string, LetterSheet>();
  for (const c of candidates) {
    const code = codes.get(`${c.person_type}:${c.person_id}`);
    if (!code) continue;
    const sheet = sheets.get(c.sheet_key) ?? { key: c.sheet_key, label: c.label, place: c.place, people: [] };
    sheet.people.push({ personType: c.person_type, personId: c.person_id, name: c.name, code, expiresAt });
    sheets.set(c.sheet_key, sheet);
  }
  return [...sheets.values()];
}
