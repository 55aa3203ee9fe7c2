import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The renderer alone, for the browser host and the e2e suite (electron-vite builds the same for Electron). */
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  publicDir: false,
  build: {
    // TVET_RENDERER_DIR lets parallel builds (and their e2e runs) use separate folders. An empty value must not
    // count: Vite would take "" as the renderer folder itself and empty it (emptyOutDir), sources and all.
    outDir: process.env.TVET_RENDERER_DIR || path.resolve(import.meta.dirname, '..', 'out', 'renderer'),
    emptyOutDir: true,
    // Inline assets would need data: URLs for scripts, which the CSP forbids; keep everything as files.
    assetsInlineLimit: 0,
  },
});
