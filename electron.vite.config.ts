import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { CSP_META } from '#shared/csp'

/**
 * Writes the CSP meta into the built index.html only: the dev server needs inline preamble
 * scripts (React refresh) that this policy forbids.
 */
function rendererCsp(): Plugin {
  return {
    name: 'tillwise-renderer-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_META }, injectTo: 'head-prepend' },
    ],
  }
}

export default defineConfig({
  main: {
    build: {
      // Only package.json's `dependencies` stay in node_modules, and they are only what the main
      // process loads at run time: native code (better-sqlite3, the receipt canvas), the font files
      // it reads, what it requires lazily (csv-parse, csv-stringify) and Electron's own helpers.
      // Everything else is a devDependency and bundled: resolving and loading MikroORM's hundreds of
      // files one by one from node_modules cost ~200 ms of every start (npm run bench:startup), and
      // electron-builder ships every `dependency` in the installer, loaded or not. The packaged
      // app's test (tests/package) holds package.json to this.
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          // The CSV import's worker thread, beside index.js (product-import.service.ts starts it from there).
          'product-csv.worker': resolve(import.meta.dirname, 'src/core/catalog/product-csv.worker.ts'),
          // The reports' worker thread, beside index.js (reports-worker.manager.ts starts it from there).
          'reports.worker': resolve(import.meta.dirname, 'src/core/reports/reports.worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can only require 'electron': bundle everything else, emit CommonJS.
      externalizeDeps: false,
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/preload/index.ts'),
          // The customer display window's own preload: it only listens (out/preload/display.cjs).
          display: resolve(import.meta.dirname, 'src/preload/display.ts'),
        },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    // Relative asset URLs so the same bundle loads from app://pos/ and from the test harness.
    base: './',
    plugins: [react(), rendererCsp()],
    build: {
      // electron-vite leaves output unminified by default; the till loads faster from a smaller bundle.
      minify: true,
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/renderer/index.html'),
          // The customer display's page, for the second window (the CSP above is written into it too).
          display: resolve(import.meta.dirname, 'src/renderer/display.html'),
        },
      },
    },
  },
})
