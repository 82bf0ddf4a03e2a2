import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webDir = fileURLToPath(new URL('.', import.meta.url));

// The console: built into dist/web, which the API server serves at `/` (src/common/console-files.ts).
// Everything is bundled: the Content-Security-Policy lets the page load nothing from elsewhere.
export default defineConfig({
  root: webDir,
  base: '/',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Vite inlines small images as data: URLs, which the policy's img-src allows; scripts and styles stay files.
    assetsInlineLimit: 4096,
    chunkSizeWarningLimit: 2048,
  },
});
