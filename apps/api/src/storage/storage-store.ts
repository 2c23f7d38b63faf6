import type { EntityManager } from 'typeorm';
import { StoredFile } from './entities/stored-file.entity';

/** The storage store: what other features read of kept files (`stored_file`), on the caller's transaction. */

/** A kept file, to send. */
export function storedFile(m: EntityManager, id: string): Promise<StoredFile> {
  return m.getRepository(StoredFile).findOneByOrFail({ id });
}
