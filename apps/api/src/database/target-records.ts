import type { EntityManager, EntitySubscriberInterface, EntityTarget, ObjectLiteral } from 'typeorm';
import { EventSubscriber } from 'typeorm';
import type { RecordTable } from '../common/request-context';
import { requestContext, takeTargetRecord } from '../common/request-context';

/**
 * Column types whose value `to_jsonb(row)` writes as PostgreSQL's driver would return it, or as
 * the driver's hydration turns into the same value (a timestamp's ISO text into a Date). Numbers
 * beyond int4 are not among them: jsonb writes a bigint or numeric as a JSON number, which loses
 * what the driver's text keeps.
 */
const SAME_IN_JSON = new Set(['uuid', 'text', 'varchar', 'character varying', 'boolean', 'integer', 'int', 'int4', 'smallint', 'jsonb', 'json', 'timestamptz', 'timestamp with time zone', 'date']);

/**
 * An entity from its row as `to_jsonb` wrote it (a TargetRecord), hydrated as a repository read
 * of the same row would be: every column the entity selects by default, through the driver's own
 * conversion and the column's transformer; relations are not loaded, as `findOneBy` loads none.
 * An entity with a column of another type is refused, not approximated.
 */
export function entityFromRecord<T extends ObjectLiteral>(m: EntityManager, target: EntityTarget<T>, row: Record<string, unknown>): T {
  const metadata = m.connection.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    if (column.isSelect === false || column.isVirtual) continue;
    const type = typeof column.type === 'string' ? column.type : column.type.name.toLowerCase();
    if (!SAME_IN_JSON.has(type)) throw new Error(`entityFromRecord: ${metadata.tableName}.${column.databaseName} is of type ${type}, which to_jsonb does not keep as the driver reads it`);
    if (!(column.databaseName in row)) throw new Error(`entityFromRecord: the record of ${metadata.tableName} has no column ${column.databaseName}`);
    column.setEntityValue(entity, m.connection.driver.prepareHydratedValue(row[column.databaseName], column));
  }
  return entity;
}

/**
 * The first read of row `id` of `table` outside a transaction, answered from the access guard's
 * read of it in this request (takeTargetRecord), as `entity` with the target's nodes; undefined
 * when the database must be asked.
 */
export function readByGuard<T extends ObjectLiteral>(m: EntityManager, table: RecordTable, target: EntityTarget<T>, id: string): { entity: T; nodes: readonly string[] } | undefined {
  const seen = takeTargetRecord(m, table, id);
  return seen && { entity: entityFromRecord(m, target, seen.row), nodes: seen.nodes };
}

/**
 * Drops the guard's record of the request (takeTargetRecord) when the request begins a
 * transaction: whatever the transaction changes, a read after it asks the database.
 */
@EventSubscriber()
export class TargetRecordExpiry implements EntitySubscriberInterface {
  beforeTransactionStart(): void {
    const store = requestContext.getStore();
    if (store?.record) store.record = undefined;
  }
}
