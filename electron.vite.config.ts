import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { precompressAssets } from './electron/hub/precompressed-assets'

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Entries: the main process, the core host it starts as a utility process (the store, off the UI
      // thread), and the export worker the core host starts as a worker thread (out/main/export-worker.js,
      // found by electron/core/exports/export-files.ts#exportWorkerEntry).
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          'core-host': resolve(__dirname, 'electron/core-host/index.ts'),
          'export-worker': resolve(__dirname, 'electron/core/exports/export-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be one CommonJS file that requires nothing but 'electron'.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src'),
    base: './',
    plugins: [react(), precompressAssets()],
    build: {
      // ZHIKE_RENDERER_OUT lets parallel end-to-end runs build into folders of their own.
      outDir: resolve(__dirname, process.env.ZHIKE_RENDERER_OUT ?? 'out/renderer'),
      emptyOutDir: true,
      // electron-vite leaves the renderer unminified; terminals load it over the hotel's network.
      minify: true,
      cssMinify: true,
      // Fonts are never inlined as data: URLs: the content security policy (font-src 'self') would
      // block them, and the printed card's embedded Chinese font must load every subset.
      assetsInlineLimit: (file: string) => (/\.(woff2?|ttf|otf)$/i.test(file) ? false : undefined),
      rolldownOptions: {
        input: resolve(__dirname, 'src/index.html'),
        // Libraries are cached apart from our code: React in one chunk, what else the first screen
        // needs (Mantine, TanStack Query, i18next) in another; a library only a lazy page uses
        // (the QR code in Settings) stays with that page.
        output: {
          codeSplitting: {
            groups: [
              { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
              { name: 'vendor', test: /[\\/]node_modules[\\/]/, tags: ['$initial'], priority: 1 },
            ],
          },
        },
      },
    },
  },
})
