/** Everything cached about one unit's roll starts with this key: a change to the roll invalidates it all. */
export const rollQueryKey = (unitId: string) => ['roll', unitId] as const;

/** Rows per page of the roll lists. */
export const ROLL_PAGE_SIZE = 20;

export interface RollSearch {
  /** Text to look for; '' for everything. */
  q: string;
  /** 1-based. */
  page: number;
}
