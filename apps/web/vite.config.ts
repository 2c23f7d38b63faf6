import react from '@vitejs/plugin-react';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { defineConfig } from 'vite';

const fromHere = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside each text file of the build, at the highest
 * settings, once: the API serves them as they are (apps/api/src/common/compressed-responses.ts),
 * so a resident's phone downloads the first page's JavaScript at a fraction of its size.
 */
function precompress(): Plugin {
  const TEXT = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/;
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
  return {
    name: 'yishi-precompress',
    apply: 'build',
    writeBundle(options) {
      if (!options.dir) return;
      for (const file of walk(options.dir).filter((f) => TEXT.test(f))) {
        const bytes = fs.readFileSync(file);
        if (bytes.length < 1024) continue;
        const copies: [string, Buffer][] = [
          ['.br', brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } })],
          ['.gz', gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION })],
        ];
        for (const [suffix, compressed] of copies) if (compressed.length < bytes.length) fs.writeFileSync(file + suffix, compressed);
      }
    },
  };
}

export default defineConfig({
  root: fromHere('.'),
  // The API serves the app at the site root with a SPA fallback: absolute asset URLs keep deep
  // links (/topics/12) working. Everything is bundled same-origin, as `script-src 'self'` requires.
  base: '/',
  plugins: [react(), precompress()],
  resolve: {
    alias: {
      '@yishi/domain': fromHere('../../libs/domain/src/index.ts'),
      '@yishi/contracts': fromHere('../../libs/contracts/src/index.ts'),
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: fromHere('../../dist/web'),
    emptyOutDir: true,
    // Residents open Yishi in phone browsers and in-app web views that lag behind: lower the
    // syntax to what Chromium 87 / Safari 14 understand instead of "baseline widely available".
    target: ['es2020', 'chrome87', 'edge88', 'firefox78', 'safari14'],
    sourcemap: false,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 500,
    rolldownOptions: {
      // The shared libraries are pure TypeScript (ARCHITECTURE.md): importing one of their modules
      // does nothing but define things. Saying so lets the bundle leave out what the app never
      // calls, such as the recount format's zod schemas, which are built at module level.
      treeshake: { moduleSideEffects: [{ test: /[\\/]libs[\\/](domain|contracts)[\\/]src[\\/]/, sideEffects: false }] },
      output: {
        // Libraries change far less often than the app: a separate chunk stays cached across releases.
        // Only the libraries the first page needs ($initial): a library used by the staff console
        // alone (the letters' QR codes) stays in the console's chunk, off residents' phones.
        codeSplitting: { groups: [{ name: 'vendor', test: /[\\/]node_modules[\\/]/, tags: ['$initial'] }] },
      },
    },
  },
});
