import fs from 'node:fs'

/** Removes the stores this run made in the temp folder (playwright.config.ts creates them). */
export default function removeRunStores(): void {
  for (const dir of [process.env.ZHIKE_E2E_DATA, process.env.ZHIKE_E2E_TLS_DATA]) {
    if (dir && dir.includes('zhike-e2e')) fs.rmSync(dir, { recursive: true, force: true })
  }
}
