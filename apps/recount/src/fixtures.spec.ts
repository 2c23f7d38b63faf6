import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FIXTURES as V1_FIXTURES } from './fixtures';
import { recountKit } from './kit-version';
import { ASSEMBLY_FIXTURES } from './v2/fixtures';

const FIXTURES = [...V1_FIXTURES, ...ASSEMBLY_FIXTURES];

/** The shipped fixture folders are exactly what the format code writes today (`npx nx run recount:fixtures`). */
const FIXTURES_DIR = resolve(__dirname, '../fixtures');

describe('fixture folders', () => {
  it('are the folders fixtures.ts describes, and no others', () => {
    const onDisk = readdirSync(FIXTURES_DIR, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(onDisk).toEqual(FIXTURES.map((f) => f.name).sort());
  });

  it.each(FIXTURES.map((f) => [f.name, f] as const))('%s is byte for byte what the code writes', (name, fixture) => {
    const expected = fixture.files();
    const folder = join(FIXTURES_DIR, name);
    expect(readdirSync(folder).sort()).toEqual(Object.keys(expected).sort());
    for (const [file, content] of Object.entries(expected)) {
      expect({ file, content: readFileSync(join(folder, file), 'utf8') }).toEqual({ file, content });
    }
  });

  it.each(FIXTURES.map((f) => [f.name, f] as const))('%s recounts in memory as the CLI must report it', (_name, fixture) => {
    const { report } = recountKit(fixture.files());
    expect(report.ok).toBe(fixture.expect.exitCode === 0);
  });
});
