import { defineConfig } from 'vite';

// The client is built into dist/client and served by the Express app; `npm run dev` proxies the API.
export default defineConfig({
  root: 'client',
  build: { outDir: '../dist/client', emptyOutDir: true, chunkSizeWarningLimit: 1024 },
  // The API's port follows PORT, as the service's does.
  server: { port: 5173, proxy: { '/api': `http://localhost:${process.env.PORT ?? 3000}` } },
});
