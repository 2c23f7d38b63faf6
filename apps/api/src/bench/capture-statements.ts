/**
 * Preloaded into the API by `npm run bench:pages` (`node -r …/capture-statements.js`, which the
 * cluster's workers inherit): notes every distinct SQL statement the API sends through `pg`, with
 * the parameters of its first use, so the benchmark can EXPLAIN the statements the pages really
 * run. Nothing else in Yishi loads it.
 *
 * YISHI_CAPTURE_FILE names the file it appends to (one JSON line per statement and page); the page
 * being driven is read from `<file>.page` every 50 ms, and a statement is noted again
 * under each page that runs it. How many statements each page sent in all is kept in
 * `<file>.counts.<pid>` (a JSON object by page, rewritten every 100 ms while it changes).
 */
import fs from 'node:fs';
import pg from 'pg';

const file = process.env['YISHI_CAPTURE_FILE'];

if (file) {
  const marker = `${file}.page`;
  /** The statements noted so far, by page: a set per page, so no key is built per statement. */
  const seen = new Map<string, Set<string>>();
  const counts: Record<string, number> = {};
  let page = '';
  // Off the statements' path, and never blocking the event loop the pages are measured on: the
  // page is read every 50 ms and the counts written every 100 ms while they change, both through
  // the thread pool (a synchronous read and write here took 3% of the API's CPU under bench:pages).
  setInterval(() => {
    fs.readFile(marker, 'utf8', (error, text) => {
      page = error ? '' : text.trim();
    });
  }, 50).unref();
  let countsChanged = false;
  let writing = false;
  setInterval(() => {
    if (!countsChanged || writing) return;
    countsChanged = false;
    writing = true;
    const target = `${file}.counts.${process.pid}`;
    // Written aside (under a name the benchmark does not read) and renamed: never read half-written.
    const aside = `${file}.writing.${process.pid}`;
    fs.writeFile(aside, JSON.stringify(counts), (error) => {
      if (error) {
        writing = false;
        return;
      }
      fs.rename(aside, target, () => {
        writing = false;
      });
    });
  }, 100).unref();
  type Query = (this: pg.Client, ...args: unknown[]) => unknown;
  const prototype = pg.Client.prototype as unknown as { query: Query };
  const original = prototype.query;
  prototype.query = function capturing(this: pg.Client, ...args: unknown[]): unknown {
    try {
      const [config, values] = args;
      const text = typeof config === 'string' ? config : (config as { text?: unknown } | null)?.text;
      if (typeof text === 'string') {
        const where = page;
        counts[where] = (counts[where] ?? 0) + 1;
        countsChanged = true;
        let noted = seen.get(where);
        if (!noted) seen.set(where, (noted = new Set()));
        if (!noted.has(text)) {
          noted.add(text);
          const params = Array.isArray(values) ? values : ((config as { values?: unknown[] }).values ?? []);
          // Once per statement and page: synchronous, so the line is there when the benchmark reads the file.
          fs.appendFileSync(file, `${JSON.stringify({ page: where, text, values: params })}\n`);
        }
      }
    } catch {
      // Capturing must never break a query.
    }
    return original.apply(this, args);
  };
}
