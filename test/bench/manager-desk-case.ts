import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import type { Actor } from '../../electron/core/context'
import { createCore, type Core, type Result } from '../../electron/core/core'
import { writeBackupFile } from '../../electron/core/backup/backup.service'
import { registerUpload } from '../../electron/core/transfer/uploads'
import { freshBuiltExportWorker } from '../../electron/core/exports/export-files'

/**
 * One case of the manager's-desk benchmark, in a process of its own so its peak memory
 * (VmHWM) is its own. Run by manager-desk-bench.ts:
 *   node --import tsx test/bench/manager-desk-case.ts <csv|xlsx|json|import|backup> <store> <work dir>
 * Prints one JSON line: { ms, bytes, guests, baselineMiB, peakMiB }.
 */
const [kind, store, work] = process.argv.slice(2)
const mib = (kb: number) => Math.round(kb / 1024)

/**
 * This process's peak resident memory in KiB. On Linux /proc's VmHWM: `resourceUsage().maxRSS`
 * (getrusage) starts a forked child at its parent's peak and exec does not reset it, so every case
 * would report the bench runner's own peak. Worker threads share the process, so they count.
 */
function peakKiB(): number {
  try {
    const found = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))
    if (found) return Number(found[1])
  } catch {
    // Not Linux: getrusage is the best there is.
  }
  return process.resourceUsage().maxRSS
}

function must<T = any>(result: Result, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.code} ${result.error.message}`)
  return result.value as T
}

function signIn(core: Core, code: string, pin: string): Actor {
  return must<{ staff: Actor }>(core.callAs(null, 'session.signIn', { code, pin }), 'sign in').staff
}

/** Starts an export job and waits for it, as the Guest lists and Export pages do (polling export.status). */
async function exportJob(core: Core, admin: Actor, exportKind: string, params: Record<string, unknown>) {
  const { jobId } = must<{ jobId: string }>(core.callAs(admin, 'export.start', { kind: exportKind, params }), 'export.start')
  for (;;) {
    const job = must<{ state: string; bytes: number | null; guests: number | null; error: unknown }>(core.callAs(admin, 'export.status', { jobId }), 'export.status')
    if (job.state === 'done') return { bytes: job.bytes ?? 0, guests: job.guests ?? 0 }
    if (job.state === 'failed' || job.state === 'cancelled') throw new Error(`the export ${job.state}: ${JSON.stringify(job.error)}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

const listColumns = ['nativeName', 'romanName', 'phone', 'email', 'nationality', 'vip', 'lastStay', 'stays', 'preferences:interest']

async function run(): Promise<{ bytes: number; guests: number }> {
  if (kind === 'import') {
    // A brand-new store with its first administrator, then the full export uploaded and imported.
    const target = createCore({ file: path.join(work, 'imported.db'), logError: (e, name) => console.error(name, e) })
    try {
      must(target.callAs(null, 'setup.createFirstAdmin', { hotelName: { en: 'Empty', zh: '空' }, departments: [{ code: 'front_office', name: { en: 'Front Office', zh: '前厅' }, promiseMinutes: 30 }], admin: { code: 'ad01', name: '管理员', pin: '123456' } }), 'first admin')
      const admin = signIn(target, 'ad01', '123456')
      const file = path.join(work, 'full.json')
      baseline = process.memoryUsage().rss / 1024
      started = performance.now()
      const uploadId = registerUpload(file)
      const result = must<{ guests: number }>(await target.callAsAsync(admin, 'transfer.import', { uploadId }), 'transfer.import')
      return { bytes: fs.statSync(file).size, guests: result.guests }
    } finally {
      target.close()
    }
  }
  const built = freshBuiltExportWorker(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'))
  const core = createCore({ file: store, logError: (e, name) => console.error(name, e), ...(built ? { services: { exportWorker: built } } : {}) })
  try {
    const admin = signIn(core, 'ad01', '123456')
    baseline = process.memoryUsage().rss / 1024
    started = performance.now()
    if (kind === 'csv' || kind === 'xlsx') return await exportJob(core, admin, `guest-list.${kind}`, { columns: listColumns, lang: 'zh-CN' })
    if (kind === 'json') {
      const done = await exportJob(core, admin, 'full.json', {})
      // Keep the newest export as full.json for the import case.
      const folder = path.join(path.dirname(store), 'exports')
      const newest = fs.readdirSync(folder).filter((f) => f.endsWith('.json')).map((f) => path.join(folder, f)).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0]
      fs.copyFileSync(newest, path.join(work, 'full.json'))
      return done
    }
    if (kind === 'backup') {
      const listing = await writeBackupFile(core.sqlite, { folder: path.join(work, 'backups'), kind: 'manual', now: new Date() })
      return { bytes: listing.bytes, guests: 0 }
    }
    throw new Error(`unknown case ${kind}`)
  } finally {
    core.close()
  }
}

let baseline = 0
let started = 0
fs.mkdirSync(path.join(work, 'backups'), { recursive: true })
const { bytes, guests } = await run()
const ms = performance.now() - started
console.log(JSON.stringify({ ms, bytes, guests, baselineMiB: mib(baseline), peakMiB: mib(peakKiB()) }))
