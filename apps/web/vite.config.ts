import react from '@vitejs/plugin-react';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { defineConfig } from 'vite';
import { pageStrings } from './vite-plugins/page-strings';

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
        // Small files too: a page's chunk pulls in a dozen shared ones under 1 KB, which would
        // otherwise travel as they are (about a third of their size is saved even there).
        const bytes = fs.readFileSync(file);
        const copies: [string, Buffer][] = [
          ['.br', brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } })],
          ['.gz', gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION })],
        ];
        for (const [suffix, compressed] of copies) if (compressed.length < bytes.length) fs.writeFileSync(file + suffix, compressed);
      }
    },
  };
}

/**
 * Puts the first page's stylesheet (index.css: the base, the header bar, the home page; about
 * 14 KB, 3 KB brotli) into index.html as a <style> element: a linked stylesheet blocks the first
 * paint until it has arrived, and on a phone's slow connection that request costs a whole round
 * trip (over half a second on "Slow 4G") before the header bar can show. The CSP already allows
 * inline styles (`style-src 'self' 'unsafe-inline'`); scripts stay files of their own.
 *
 * The <link> stays, `disabled`: browsers neither fetch nor apply a disabled stylesheet, nor wait
 * for it, but Vite's preload helper sees it when a page's chunk lists index.css among its
 * dependencies and does not add the same rules a second time, after the page's own.
 */
function inlineFirstPaintCss(): Plugin {
  const LINK = /<link rel="stylesheet" crossorigin href="\/(assets\/index-[\w-]+\.css)">/g;
  return {
    name: 'yishi-inline-first-paint-css',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        return html.replace(LINK, (link, fileName: string) => {
          const asset = bundle?.[fileName];
          if (asset?.type !== 'asset') throw new Error(`index.html links ${fileName}, which the build did not write`);
          const css = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
          if (/<\/style/i.test(css)) throw new Error(`${fileName} cannot go into a <style> element as it is`);
          return `<style>${css.trim()}</style>\n    ${link.replace(/>$/, ' disabled>')}`;
        });
      },
    },
  };
}

export default defineConfig({
  root: fromHere('.'),
  // The API serves the app at the site root with a SPA fallback: absolute asset URLs keep deep
  // links (/topics/12) working. Everything is bundled same-origin, as `script-src 'self'` requires.
  base: '/',
  plugins: [
    react(),
    // The main strings cut by page: a phone downloads the words of the page it opens.
    pageStrings({
      src: fromHere('./src'),
      aliases: { '@yishi/domain': fromHere('../../libs/domain/src/index.ts'), '@yishi/contracts': fromHere('../../libs/contracts/src/index.ts') },
      languages: ['zh-CN', 'en'],
      onDemand: ['refusals'],
    }),
    inlineFirstPaintCss(),
    precompress(),
  ],
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
