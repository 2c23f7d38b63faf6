import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const fromHere = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  root: fromHere('.'),
  // The API serves the app at the site root with a SPA fallback: absolute asset URLs keep deep
  // links (/topics/12) working. Everything is bundled same-origin, as `script-src 'self'` requires.
  base: '/',
  plugins: [react()],
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
      output: {
        // Libraries change far less often than the app: a separate chunk stays cached across releases.
        // Only the libraries the first page needs ($initial): a library used by the staff console
        // alone (the letters' QR codes) stays in the console's chunk, off residents' phones.
        codeSplitting: { groups: [{ name: 'vendor', test: /[\\/]node_modules[\\/]/, tags: ['$initial'] }] },
      },
    },
  },
});
