/**
 * Rewrites apps/recount/fixtures/ from fixtures.ts: `npx nx run recount:fixtures`.
 * Run it after a deliberate change of the format or of the scenarios, and read the diff.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FIXTURES as V1_FIXTURES } from './fixtures';
import { ASSEMBLY_FIXTURES } from './v2/fixtures';

const FIXTURES = [...V1_FIXTURES, ...ASSEMBLY_FIXTURES];

export const FIXTURES_DIR = resolve(__dirname, '../../../../../apps/recount/fixtures');

function write(): void {
  for (const fixture of FIXTURES) {
    const folder = join(FIXTURES_DIR, fixture.name);
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    for (const [name, content] of Object.entries(fixture.files())) {
      writeFileSync(join(folder, name), content);
    }
  }
  const known = new Set(FIXTURES.map((f) => f.name));
  const stale = readdirSync(FIXTURES_DIR, { withFileTypes: true }).filter((e) => e.isDirectory() && !known.has(e.name));
  for (const entry of stale) process.stdout.write(`note: ${entry.name} is not a fixture of fixtures.ts any more\n`);
  process.stdout.write(`wrote ${FIXTURES.length} fixture folders to ${FIXTURES_DIR}\n`);
}

if (require.main === module) {
  write();
}
