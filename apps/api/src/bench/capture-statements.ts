/**
 * Preloaded into the API by `npm run bench:pages` (`node -r …/capture-statements.js`, which the
 * cluster's workers inherit): notes every distinct SQL statement the API sends through `pg`, with
 * the parameters of its first use, so the benchmark can EXPLAIN the statements the pages really
 * run. Nothing else in Yishi loads it.
 *
 * YISHI_CAPTURE_FILE names the file it appends to (one JSON line per statement and page); the page
 * being driven is read from `<file>.page`, at most every 50 ms, and a statement is noted again
 * under each page that runs it. How many statements each page sent in all is kept in
 * `<file>.counts.<pid>` (a JSON object by page, rewritten every 100 ms while it changes).
 */
import fs from 'node:fs';
import pg from 'pg';

const file = process.env['YISHI_CAPTURE_FILE'];

if (file) {
  const marker = `${file}.page`;
  const seen = new Set<string>();
  const counts: Record<string, number> = {};
  let countsChanged = false;
  setInterval(() => {
    if (!countsChanged) return;
    countsChanged = false;
    fs.writeFileSync(`${file}.counts.${process.pid}`, JSON.stringify(counts));
  }, 100).unref();
  let page = '';
  let checkedAt = 0;
  const currentPage = (): string => {
    const now = Date.now();
    if (now - checkedAt > 50) {
      checkedAt = now;
      try {
        page = fs.readFileSync(marker, 'utf8').trim();
      } catch {
        page = '';
      }
    }
    return page;
  };
  type Query = (this: pg.Client, ...args: unknown[]) => unknown;
  const prototype = pg.Client.prototype as unknown as { query: Query };
  const original = prototype.query;
  prototype.query = function capturing(this: pg.Client, ...args: unknown[]): unknown {
    try {
      const [config, values] = args;
      const text = typeof config === 'string' ? config : (config as { text?: unknown } | null)?.text;
      if (typeof text === 'string') {
        const where = currentPage();
        counts[where] = (counts[where] ?? 0) + 1;
        countsChanged = true;
        const key = `${where}\u0000${text}`;
        if (!seen.has(key)) {
          seen.add(key);
          const params = Array.isArray(values) ? values : ((config as { values?: unknown[] }).values ?? []);
          fs.appendFileSync(file, `${JSON.stringify({ page: where, text, values: params })}\n`);
        }
      }
    } catch {
      // Capturing must never break a query.
    }
    return original.apply(this, args);
  };
}
