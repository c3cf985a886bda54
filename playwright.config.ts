import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { defineConfig } from '@playwright/test'

// Each run gets a brand-new store with the demo hotel; workers inherit the folder through the env.
process.env.ZHIKE_E2E_DATA ??= fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-e2e-'))
const port = Number(process.env.ZHIKE_E2E_PORT ?? 4871)
// A second hub, as on the hotel network: HTTPS with its self-signed certificate (issue #6).
process.env.ZHIKE_E2E_TLS_DATA ??= fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-e2e-tls-'))
const tlsPort = port + 2
// A run on a port of its own also builds the renderer into a folder of its own, so parallel runs
// never clash; the default run builds the usual out/renderer that Electron loads too.
if (process.env.ZHIKE_E2E_PORT) process.env.ZHIKE_RENDERER_OUT ??= `out/renderer-e2e-${port}`

export default defineConfig({
  timeout: 60_000,
  globalTeardown: './test/e2e/global-teardown.ts',
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'on-first-retry',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
  projects: [
    { name: 'hub-chromium', testDir: 'test/e2e', testIgnore: /tls-terminal/ },
    // The certificate is self-signed, so the browser cannot check it; the test checks its fingerprint.
    { name: 'hub-tls', testDir: 'test/e2e', testMatch: /tls-terminal/, use: { baseURL: `https://127.0.0.1:${tlsPort}`, ignoreHTTPSErrors: true } },
    { name: 'electron', testDir: 'test/e2e-electron' },
  ],
  // Started one after the other: the first builds the renderer both serve.
  webServer: [
    {
      command: `npx electron-vite build && npx tsx electron/hub/cli.ts --data "${process.env.ZHIKE_E2E_DATA}" --demo --port ${port}`,
      url: `http://127.0.0.1:${port}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: 'pipe',
    },
    {
      command: `npx tsx electron/hub/cli.ts --data "${process.env.ZHIKE_E2E_TLS_DATA}" --demo --port ${tlsPort} --tls self-signed`,
      url: `https://127.0.0.1:${tlsPort}/api/health`,
      ignoreHTTPSErrors: true,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: 'pipe',
    },
  ],
})
