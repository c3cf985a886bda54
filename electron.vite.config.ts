import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Two entries: the main process, and the core host it starts as a utility process (the store, off the UI thread).
      rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts'), 'core-host': resolve(__dirname, 'electron/core-host/index.ts') } },
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
    plugins: [react()],
    build: {
      // ZHIKE_RENDERER_OUT lets parallel end-to-end runs build into folders of their own.
      outDir: resolve(__dirname, process.env.ZHIKE_RENDERER_OUT ?? 'out/renderer'),
      emptyOutDir: true,
      chunkSizeWarningLimit: 1500,
      rollupOptions: { input: resolve(__dirname, 'src/index.html') },
    },
  },
})
