import { defineConfig } from 'vite';

// The client is built into dist/client and served by the Express app; `npm run dev` proxies the API.
export default defineConfig({
  root: 'client',
  build: { outDir: '../dist/client', emptyOutDir: true, chunkSizeWarningLimit: 1024 },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000' } },
});
