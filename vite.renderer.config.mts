import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const root = resolve(import.meta.dirname, 'src-renderer');

/** In `npm run dev` only: Vite's hot reload needs an inline script and a websocket, which the production CSP forbids. */
function relaxCspInDev(): Plugin {
  return {
    name: 'cedre-relax-csp-in-dev',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
  };
}

export const rendererConfig = {
  root,
  base: './',
  plugins: [react(), relaxCspInDev()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    minify: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: { input: { index: resolve(root, 'index.html') } },
  },
};

export default defineConfig(rendererConfig);
