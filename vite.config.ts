// The explorer's build: client/ → dist/client/, served by Fastify. In dev,
// `npx vite` proxies /api to a running server on :3000.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'client',
  build: { outDir: '../dist/client', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
