import type { EntityManager } from 'typeorm';
import type { Queryable } from '../database/pooled';
import { queryOn } from '../database/pooled';
import { StoredFile } from './entities/stored-file.entity';

/** The storage store: what other features read of kept files (`stored_file`), on the caller's transaction. */

/** A kept file, to send. */
export function storedFile(m: EntityManager, id: string): Promise<StoredFile> {
  return m.getRepository(StoredFile).findOneByOrFail({ id });
}

/** Kept files' media types, by id. */
export async function fileTypes(m: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await m.query<{ id: string; mime: string }[]>(`SELECT id, mime FROM stored_file WHERE id = ANY($1::uuid[])`, [unique]);
  return new Map(rows.map((r) => [r.id, r.mime]));
}

/** Files the person uploaded themselves since `since`, by id (those of others, or older, are left out). */
export async function ownRecentFiles(m: EntityManager, userId: string, ids: readonly string[], since: Date): Promise<Map<string, StoredFile>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await m
    .getRepository(StoredFile)
    .createQueryBuilder('f')
    .where('f.id = ANY(:ids::uuid[])', { ids: unique })
    .andWhere('f.createdBy = :userId', { userId })
    .andWhere('f.createdAt >= :since', { since })
    .getMany();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Every kept file's storage key and SHA-256, by key: what a backup takes from the storage folder, in its snapshot. */
export async function storedFileDigests(q: Queryable): Promise<{ storageKey: string; sha256: string }[]> {
  const rows = await queryOn(q)<{ storage_key: string; sha256: string }>(`SELECT storage_key, sha256 FROM stored_file ORDER BY storage_key`);
  return rows.map((r) => ({ storageKey: r.storage_key, sha256: r.sha256 }));
}
