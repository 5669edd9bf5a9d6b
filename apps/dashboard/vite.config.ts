import { defineConfig } from 'vite';

/** Where `npm run dev` sends API calls: a platform started with `npm start`. */
const api = process.env.CHORUS_DEV_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: 'src/web',
  base: '/',
  resolve: { conditions: ['development'] },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: '../../dist/web', emptyOutDir: true, target: 'es2022', assetsDir: 'assets', reportCompressedSize: true },
  server: {
    host: '127.0.0.1',
    port: 5173,
    // Same origin for the browser: the session cookie and EventSource streams work as they do when the platform serves the app.
    proxy: Object.fromEntries(['/v1', '/1', '/oauth', '/device', '/.well-known'].map((prefix) => [prefix, { target: api, changeOrigin: false }])),
  },
});
