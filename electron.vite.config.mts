import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.renderer.config.mts';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // date-fns bundled from its ES modules: required, its CommonJS entry loads every function and locale (125 ms
      // at each start; scripts/node-bundle.cjs).
      externalizeDeps: { exclude: ['date-fns'] },
      // The data worker (issue 18 §4) is its own entry, bundled beside index.js where the main process looks for it.
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src-main/main.ts'),
          'data-worker': resolve(import.meta.dirname, 'src-main/worker/data-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require nothing but `electron`: bundle everything else into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src-main/preload/index.ts') },
        output: { format: 'cjs' },
      },
    },
  },
  renderer: rendererConfig,
});
