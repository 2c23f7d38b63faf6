#!/usr/bin/env node
/**
 * Which sources the bytes of a built chunk come from (minified bytes per source file, from the
 * source map), to see what the resident's first page carries and why:
 *
 *   cd apps/web && npx vite build --sourcemap --outDir /tmp/webmap
 *   node scripts/bundle-attribution.mjs /tmp/webmap/assets/vendor-*.js [--top 40] [--by-package]
 *
 * It lives in the repository so that Node resolves source-map-js from its node_modules.
 */
import fs from 'node:fs';
import { SourceMapConsumer } from 'source-map-js';

const args = process.argv.slice(2);
const top = Number(args[args.indexOf('--top') + 1]) || 40;
const byPackage = args.includes('--by-package');
const files = args.filter((a, i) => a.endsWith('.js') && args[i - 1] !== '--top');

const packageOf = (source) => {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (match) return match[1];
  const app = /(apps\/web\/src\/[^/]+(?:\/[^/]+)?)/.exec(source);
  return app ? app[1] : source;
};

for (const file of files) {
  const code = fs.readFileSync(file, 'utf8');
  const consumer = new SourceMapConsumer(JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')));
  const lines = code.split('\n');
  const bytes = new Map();
  // Each generated segment runs to the next mapping on its line (or the line's end).
  const mappings = [];
  consumer.eachMapping((m) => mappings.push(m));
  mappings.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);
  let mapped = 0;
  for (let i = 0; i < mappings.length; i += 1) {
    const m = mappings[i];
    const next = mappings[i + 1];
    const lineText = lines[m.generatedLine - 1] ?? '';
    const end = next && next.generatedLine === m.generatedLine ? next.generatedColumn : lineText.length;
    const length = Buffer.byteLength(lineText.slice(m.generatedColumn, end));
    const key = m.source ? (byPackage ? packageOf(m.source) : m.source.replace(/^.*?(node_modules|apps|libs)\//, '$1/')) : '(unmapped)';
    bytes.set(key, (bytes.get(key) ?? 0) + length);
    mapped += length;
  }
  const total = Buffer.byteLength(code);
  console.log(`\n${file}: ${total.toLocaleString('en-US')} bytes, ${(total - mapped).toLocaleString('en-US')} before the first mapping of a line`);
  for (const [source, size] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${size.toLocaleString('en-US').padStart(9)}  ${source}`);
  }
}
