/**
 * Invitation letters as a test reads them: the printable sheet the API answers with (HTML, the
 * only place codes appear), taken apart the way anyone holding the paper could.
 */
import type { ApiResponse, HttpSession } from './http-session';

export interface PrintedPerson {
  personType: 'member' | 'owner' | 'tenant';
  personId: string;
  name: string;
  /** The 12 digits. */
  code: string;
}

export interface PrintedSheet {
  label: string;
  place: string | null;
  people: PrintedPerson[];
}

function unescape(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The sheets of a printed page (a sheet continued on a second page is one sheet). */
export function readLetters(html: string): PrintedSheet[] {
  const sheets: PrintedSheet[] = [];
  for (const article of html.split('<article class="letter-sheet"').slice(1)) {
    const label = unescape(/data-label="([^"]*)"/.exec(article)![1]!);
    const place = unescape(/data-place="([^"]*)"/.exec(article)![1]!) || null;
    const people = [...article.matchAll(/<li class="letter-person" data-person-type="(\w+)" data-person-id="([^"]*)" data-name="([^"]*)">[\s\S]*?data-code="(\d{12})"/g)].map((m) => ({
      personType: m[1] as PrintedPerson['personType'],
      personId: unescape(m[2]!),
      name: unescape(m[3]!),
      code: m[4]!,
    }));
    const last = sheets.at(-1);
    if (last && last.label === label && last.place === place) last.people.push(...people);
    else sheets.push({ label, place, people });
  }
  return sheets;
}

/** Prints letters as the console does: the answer is the sheet itself. */
export async function printLetters(session: HttpSession, unitId: string, body: Record<string, unknown> = {}): Promise<ApiResponse<string> & { sheets: PrintedSheet[]; issued: number }> {
  const res = await session.post<string>(`/api/units/${unitId}/invitations`, body);
  const sheets = res.status === 200 ? readLetters(res.body) : [];
  return { ...res, sheets, issued: Number(res.headers.get('yishi-letters') ?? 0) };
}
