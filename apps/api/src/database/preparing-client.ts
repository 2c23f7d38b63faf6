import { createHash } from 'node:crypto';
import type { ClientConfig, QueryConfig } from 'pg';
import { Client } from 'pg';

/**
 * How many reads a connection keeps prepared at most: PostgreSQL holds some 75 kB for each (the
 * pages of bench:pages, measured with pg_backend_memory_contexts), so at most 7.5 MB a connection.
 * The pages people open most send about fifty distinct reads, and the reads a connection meets
 * first are the frequent ones; beyond the bound, a new read is parsed and planned each time.
 */
export const PREPARED_READS_PER_CONNECTION = 100;

/** A read: a SELECT, or a WITH statement (whose last part may also write; it is one statement all the same). */
const READ = /^\s*(SELECT|WITH)\b/i;

/**
 * The first name of each text: the same text gets the same name in every connection and process.
 * A name is a hash of its text, so this only saves hashing it again; it is emptied when it grows
 * past a bound (a text built anew each time would otherwise make it grow for ever).
 */
const firstNames = new Map<string, string>();
const FIRST_NAMES_KEPT = 4_000;

function firstNameOf(text: string): string {
  let name = firstNames.get(text);
  if (name === undefined) {
    name = `yishi-read-${createHash('sha256').update(text).digest('base64url').slice(0, 22)}`;
    if (firstNames.size >= FIRST_NAMES_KEPT) firstNames.clear();
    firstNames.set(text, name);
  }
  return name;
}

/** pg's query config, with what a caller may have passed beside it. */
type Config = QueryConfig & { submit?: unknown; callback?: unknown };

/**
 * The API pool's connection (pg-pool's `Client` option, data-source.ts): a `pg` client that sends
 * every read with parameters as a prepared statement named after its text, so PostgreSQL parses
 * and plans a page's statements once per connection instead of on every request. After five runs
 * PostgreSQL keeps a generic plan where that costs no more than planning each time; a statement
 * whose best plan depends on its parameters (a name search) is still planned for each.
 *
 * Planning was most of the database's CPU on the pages residents open most (`bench:pages` with
 * the captured statements): 1.5 ms to plan the homes of 「我的」 against 0.2 ms to run them; the
 * statements of a vote page cost its connection 4.3 ms of CPU unnamed and 1.2 ms prepared.
 *
 * Statements without parameters (BEGIN, migrations, several statements in one text), writes and
 * a caller's own name go as they are. A prepared read whose result columns a schema change altered
 * (another server's migration while this one runs) fails once with PostgreSQL's "cached plan must
 * not change result type"; its text is then prepared afresh under a new name on that connection.
 */
export class PreparingClient extends Client {
  /** This connection's name for each read text it has prepared. */
  private readonly preparedReads = new Map<string, string>();

  constructor(config?: string | ClientConfig) {
    super(config);
    const send = this.query.bind(this) as (config: unknown, values?: unknown, callback?: unknown) => unknown;
    this.query = ((config: unknown, values?: unknown, callback?: unknown): unknown => {
      const named = callback === undefined && typeof values !== 'function' ? this.asPrepared(config, values) : undefined;
      if (!named) return send(config, values, callback);
      return (send(named.config) as Promise<unknown>).catch((error: unknown) => {
        if (staleResultType(error)) this.preparedReads.set(named.config.text, `${named.config.name}-${this.preparedReads.size}`);
        throw error;
      });
    }) as typeof this.query;
  }

  /** The query as a prepared read, or undefined to send it as it came. */
  private asPrepared(config: unknown, values: unknown): { config: QueryConfig & { name: string } } | undefined {
    let query: Config;
    if (typeof config === 'string') query = { text: config, values: values as unknown[] | undefined };
    else if (config && typeof config === 'object' && typeof (config as Config).text === 'string') query = config as Config;
    else return undefined;
    if (query.submit !== undefined || query.callback !== undefined || query.name) return undefined;
    const params = query.values ?? (Array.isArray(values) ? values : undefined);
    if (!params || params.length === 0 || !READ.test(query.text)) return undefined;
    let name = this.preparedReads.get(query.text);
    if (name === undefined) {
      if (this.preparedReads.size >= PREPARED_READS_PER_CONNECTION) return undefined;
      name = firstNameOf(query.text);
      this.preparedReads.set(query.text, name);
    }
    return { config: { ...query, values: params, name } };
  }
}

function staleResultType(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  return e?.code === '0A000' && /cached plan must not change result type/.test(e.message ?? '');
}
