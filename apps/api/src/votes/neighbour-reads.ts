import type { TxQuery } from '../database/pooled';

/**
 * temporary: to be replaced by the consultations store's read.
 *
 * What votes read of the consultations' tables. The organization tree, accounts and kept files are
 * read through organizations/organization-store.ts, users/user-store.ts and storage/storage-store.ts;
 * rolls tables through rolls/roll-reads.ts.
 */

/** Whether the consultation concerns the unit (a vote of the unit may then decide it). */
export async function consultationConcernsUnit(q: TxQuery, consultationId: string, unitId: string): Promise<boolean> {
  const [scope] = await q<{ owner_node_id: string }>(
    `SELECT c.owner_node_id FROM consultation c JOIN consultation_unit u ON u.consultation_id = c.id WHERE c.id = $1 AND u.unit_id = $2`,
    [consultationId, unitId],
  );
  return !!scope;
}
