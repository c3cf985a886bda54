import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

/** Why an export's file could not be written (`EXPORT_FAILED`'s `details.context`; the screens translate it). */
export type ExportFailureCause = 'disk_full' | 'no_permission' | 'not_a_folder' | 'no_folder' | 'write_failed'

/**
 * The folder a store's exports go to: `<data folder>/exports`, beside the store file. Null for
 * a ':memory:' store (or an anonymous temporary one), which has no data folder.
 */
export function exportsFolderOf(storeFile: string): string | null {
  if (!storeFile || storeFile === ':memory:') return null
  return path.join(path.dirname(path.resolve(storeFile)), 'exports')
}

/** The cause of a failed write, from a Node error code (ENOSPC, EACCES…). */
export function failureCauseOf(error: unknown): ExportFailureCause {
  const code = (error as { code?: unknown } | null)?.code
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return 'disk_full'
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'no_permission'
    case 'ENOTDIR':
    case 'EISDIR':
    case 'EEXIST':
      return 'not_a_folder'
    default:
      return 'write_failed'
  }
}

/** An English sentence naming the cause (logs and API callers; the screens translate `details.context`). */
export function failureSentence(cause: ExportFailureCause, folder: string | null): string {
  switch (cause) {
    case 'disk_full':
      return `The export could not be written: the disk is full (${folder}). Free some space and export again.`
    case 'no_permission':
      return `The export could not be written: Zhike may not write in ${folder}. Give it permission, then export again.`
    case 'not_a_folder':
      return `The export could not be written: ${folder} is not a folder (a file has that name). Move that file away, then export again.`
    case 'no_folder':
      return 'This store lives in memory only and has no data folder to export to. Open a store file to export.'
    default:
      return `The export could not be written in ${folder}. Nothing incomplete was left; try again.`
  }
}

/**
 * Where the export worker's entry is, for the module that starts it (`import.meta.url` of
 * export-jobs). Run from source (tsx: the hub, tests) it is the sibling `export-worker.ts`,
 * loaded through tsx (see `script`); in the built core host (electron-vite bundles `out/main/`) it is
 * `export-worker.js`, a rollup input beside `core-host.js`, whether this code landed in
 * `core-host.js` itself or in a shared chunk under `out/main/chunks/`.
 */
export function exportWorkerEntry(moduleFile: string, exists: (file: string) => boolean): WorkerEntry {
  const dir = path.dirname(moduleFile)
  if (/\.[cm]?ts$/.test(moduleFile)) {
    const file = path.join(dir, 'export-worker.ts')
    // Node 20 does not apply `--import tsx` from a worker's execArgv to its entry, so a small
    // script registers tsx's loader inside the worker first, then imports the TypeScript entry.
    const script = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(file).href)}) })`
    return { file, script }
  }
  const candidates = [path.join(dir, 'export-worker.js'), path.join(dir, '..', 'export-worker.js')]
  const found = candidates.find(exists)
  if (!found) throw new Error(`The export worker was not built: looked for ${candidates.join(' and ')}.`)
  return { file: found, script: null }
}

/**
 * The built export worker (`<root>/out/main/export-worker.js`) when it is at least as new as every
 * source file under `<root>/electron`, else null. A hub run from source (`npm run serve`, which
 * builds first; the benchmarks) starts its export workers from it: ~0.3 s instead of ~1.3 s for
 * tsx to load the worker's TypeScript. A build older than the sources is never used, so an edit
 * not yet built runs as written.
 */
export function freshBuiltExportWorker(root: string): string | null {
  const built = path.join(root, 'out', 'main', 'export-worker.js')
  let builtAt: number
  try {
    builtAt = fs.statSync(built).mtimeMs
  } catch {
    return null
  }
  const newerSource = (dir: string): boolean =>
    fs.readdirSync(dir, { withFileTypes: true }).some((entry) => {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) return newerSource(file)
      return /\.[cm]?[jt]s$/.test(entry.name) && fs.statSync(file).mtimeMs > builtAt
    })
  try {
    return newerSource(path.join(root, 'electron')) ? null : built
  } catch {
    return null
  }
}

/** A worker's entry file, and (run from source) the bootstrap script that loads it through tsx. */
export interface WorkerEntry {
  file: string
  /** Code for `new Worker(script, { eval: true })`; null: start `file` itself. */
  script: string | null
}

/**
 * A Content-Disposition header for a download named `fileName`: an ASCII fallback (non-ASCII
 * letters become '_') and the real name in RFC 5987 form, so '联系名单-2026-12-01.csv' arrives
 * with its Chinese name in every current browser.
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`
}
