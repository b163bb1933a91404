import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const clientRoot = fileURLToPath(new URL('.', import.meta.url));
// The dev server forwards server-owned paths to a locally running `npm run dev` (PORT 3000 by default).
const serverUrl = process.env.VITE_SERVER_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: clientRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The server's CSP allows scripts only from 'self': never inline a module preload polyfill or an asset as data.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: {
    proxy: {
      '/api': serverUrl,
      '/auth': serverUrl,
      '/dev-idp': serverUrl,
      '/socket.io': { target: serverUrl, ws: true },
    },
  },
});
