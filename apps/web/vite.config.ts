import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Libraries change less often than Haven's code, so they get their own long-lived files.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
            // The design system in one chunk, tokens and base first: without it the lazy areas' shared
            // components would land in a chunk whose stylesheet loads after tokens.css and base.css.
            { name: 'ui', test: /apps[\\/]web[\\/]src[\\/]ui[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: 'http://localhost:3000', ws: true },
    },
  },
});
