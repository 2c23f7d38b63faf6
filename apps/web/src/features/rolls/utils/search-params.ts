/**
 * The roll search lives in the address (`?q=陈&page=2&building=…`), so the back button, a reload
 * and a shared link show the same list.
 */
export interface RollListSearch {
  q: string;
  page: number;
  /** Compounds: only this building's units. */
  buildingId: string | null;
}

/** The API's limit on the search text. */
export const SEARCH_MAX_LENGTH = 50;

export function readRollSearch(params: URLSearchParams): RollListSearch {
  const q = (params.get('q') ?? '').trim().slice(0, SEARCH_MAX_LENGTH);
  const page = Number(params.get('page'));
  const buildingId = params.get('building');
  return {
    q,
    page: Number.isSafeInteger(page) && page >= 1 ? page : 1,
    buildingId: buildingId && /^[0-9a-f-]{36}$/i.test(buildingId) ? buildingId : null,
  };
}

/** The address's query for a search: nothing for the defaults, so the plain list has a plain URL. */
export function writeRollSearch(search: RollListSearch): URLSearchParams {
  const params = new URLSearchParams();
  const q = search.q.trim().slice(0, SEARCH_MAX_LENGTH);
  if (q) params.set('q', q);
  if (search.buildingId) params.set('building', search.buildingId);
  if (search.page > 1) params.set('page', String(search.page));
  return params;
}
