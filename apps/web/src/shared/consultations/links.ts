/**
 * Where a reader is in a consultation, kept in the address so a reload, the back button, a shared
 * link and a notification all land on the same place:
 *
 *   /consultations/:id                  the draft's clauses, the whole-draft comments
 *   /consultations/:id#clause-3         第3条, its comments and the form to comment on it
 *   /consultations/:id#changes          what changed from the previous version
 *   ?version=2                          an earlier (or the newest) published version
 *   ?comment=<id>                       a comment to find, show and focus (from a notification)
 */

export type ReaderView = { kind: 'overview' } | { kind: 'clause'; number: number } | { kind: 'changes' };

export interface ReaderLocation {
  view: ReaderView;
  /** A published version asked for; null for the current one. */
  version: number | null;
  commentId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CLAUSE_HASH = /^#clause-(\d{1,4})$/;

function positiveInteger(value: string | null): number | null {
  if (value === null || !/^\d{1,6}$/.test(value)) return null;
  const number = Number(value);
  return number >= 1 ? number : null;
}

export function readReaderLocation(search: string | URLSearchParams, hash: string): ReaderLocation {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const clause = CLAUSE_HASH.exec(hash);
  const clauseNumber = clause ? positiveInteger(clause[1] ?? null) : null;
  const view: ReaderView = clauseNumber !== null ? { kind: 'clause', number: clauseNumber } : hash === '#changes' ? { kind: 'changes' } : { kind: 'overview' };
  const comment = params.get('comment');
  return { view, version: positiveInteger(params.get('version')), commentId: comment && UUID.test(comment) ? comment.toLowerCase() : null };
}

export interface ReaderTarget {
  version?: number | null;
  /** A clause number, or 'changes'; nothing for the overview. */
  view?: ReaderView;
  comment?: string | null;
}

export function readerHash(view: ReaderView | undefined): string {
  if (!view) return '';
  switch (view.kind) {
    case 'clause':
      return `#clause-${view.number}`;
    case 'changes':
      return '#changes';
    case 'overview':
      return '';
  }
}

/** The address of a place in a consultation: `/consultations/<id>?version=2#clause-3`. */
export function consultationPath(consultationId: string, target: ReaderTarget = {}): string {
  const params = new URLSearchParams();
  if (target.version) params.set('version', String(target.version));
  if (target.comment) params.set('comment', target.comment);
  const query = params.toString();
  return `/consultations/${encodeURIComponent(consultationId)}${query ? `?${query}` : ''}${readerHash(target.view)}`;
}

export function clausePath(consultationId: string, clauseNumber: number, version?: number | null): string {
  return consultationPath(consultationId, { version: version ?? null, view: { kind: 'clause', number: clauseNumber } });
}

/** The adoption report (意见采纳情况说明) of a consultation. */
export function adoptionReportPath(consultationId: string): string {
  return `/consultations/${encodeURIComponent(consultationId)}/report`;
}
