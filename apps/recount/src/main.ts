/**
 * `npm run recount -- <folder> [--json]`: verifies a closed vote's recount kit and recounts it
 * from the files alone (docs/recount-format.md): a version 1 kit (one question) by the rules in
 * @yishi/domain, a version 2 kit (an assembly's ballot with several matters) by ./v2 on the
 * domain's assembly count. Exit 0 when everything matches result.json, 1 with the first
 * discrepancy, 2 on a usage or file error. This file only reads the folder and prints.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RecountFiles } from '@yishi/domain';
import { formatAnyReport, recountKit } from './kit-version';
import { EXIT_USAGE } from './print';

/** The files a recount folder may hold; anything else in the folder is left alone. */
export const KIT_FILES = ['vote.json', 'electorate.json', 'ballots.jsonl', 'roll.jsonl', 'box.jsonl', 'result.json'];

const USAGE = 'usage: npm run recount -- <folder> [--json]\n';

export function readFolder(folder: string): RecountFiles {
  const present = new Set(readdirSync(folder));
  const files: Record<string, Uint8Array> = {};
  for (const name of KIT_FILES) {
    if (present.has(name)) {
      // The exact bytes: the recount decodes them itself and refuses what is not UTF-8, rather than
      // reading a replacement character where the file holds something else.
      files[name] = readFileSync(join(folder, name));
    }
  }
  return files;
}

export function main(argv: string[]): number {
  const args = argv.filter((a) => a !== '--json');
  const json = argv.includes('--json');
  if (args.length !== 1 || args[0] === '--help' || args[0] === '-h') {
    process.stderr.write(USAGE);
    return EXIT_USAGE;
  }
  // Under `npm run`, the working directory is the repository; INIT_CWD is where the user typed.
  const folder = resolve(process.env.INIT_CWD ?? process.cwd(), args[0] as string);
  try {
    if (!statSync(folder).isDirectory()) throw new Error('not a folder');
  } catch (error) {
    process.stderr.write(`recount: cannot read the folder ${folder}: ${(error as Error).message}\n${USAGE}`);
    return EXIT_USAGE;
  }
  const printed = formatAnyReport(recountKit(readFolder(folder)), { json });
  process.stdout.write(printed.stdout);
  process.stderr.write(printed.stderr);
  return printed.exitCode;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
