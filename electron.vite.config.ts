import path from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;

/** Builds the three Electron entries: main (ESM), preload (one CommonJS file: sandboxed preloads cannot be ES modules), renderer. */
export default defineConfig({
  main: {
    build: {
      outDir: path.join(root, 'out', 'main'),
      rollupOptions: { input: { index: path.join(root, 'electron', 'main', 'index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: path.join(root, 'out', 'preload'),
      externalizeDeps: false,
      rollupOptions: {
        input: { index: path.join(root, 'electron', 'preload', 'index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: path.join(root, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: path.join(root, 'out', 'renderer'),
      assetsInlineLimit: 0,
      rollupOptions: { input: { index: path.join(root, 'renderer', 'index.html') } },
    },
  },
});
