/**
 * Letters as printed pages. A sheet (a household, an exclusive unit) is one A5 page; the rare
 * sheet with more people than fit on one page continues on another, each page with the sheet's
 * heading, so a page never overflows and no code is cut off.
 */
import type { LetterPerson, LetterSheet } from '../api/issue-invitations';

/** People per A5 page, with their QR codes (the print layout is measured for this many). */
export const PEOPLE_PER_PAGE = 4;

export interface LetterPage {
  key: string;
  sheet: LetterSheet;
  people: LetterPerson[];
  /** 1-based page of this sheet, and the sheet's number of pages. */
  page: number;
  pages: number;
}

export function letterPages(sheets: readonly LetterSheet[], perPage: number = PEOPLE_PER_PAGE): LetterPage[] {
  if (!Number.isInteger(perPage) || perPage < 1) throw new RangeError(`perPage must be a positive integer: ${perPage}`);
  return sheets.flatMap((sheet) => {
    const pages = Math.max(1, Math.ceil(sheet.people.length / perPage));
    return Array.from({ length: pages }, (_, index) => ({
      key: pages === 1 ? sheet.key : `${sheet.key}#${index + 1}`,
      sheet,
      people: sheet.people.slice(index * perPage, (index + 1) * perPage),
      page: index + 1,
      pages,
    }));
  });
}

/** How many codes the letters carry. */
export function codeCount(sheets: readonly LetterSheet[]): number {
  return sheets.reduce((sum, sheet) => sum + sheet.people.length, 0);
}
