import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

// The admin SPA is served by the Gongkai server under /admin/ (index.html for every /admin/* path).
// `npm run build:admin` (also run by `npm install` through `prepare`) writes it to dist/admin.
export default defineConfig({
  root,
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/admin', import.meta.url)),
    emptyOutDir: true,
    // antd is one large vendor chunk by nature; pages are split with React.lazy.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `npx vite --config admin/vite.config.ts` during development: forward the API to `npm run dev`.
    proxy: {
      '/api': process.env.GONGKAI_API ?? 'http://localhost:3000',
    },
  },
});
