import fs from 'node:fs'
import path from 'node:path'

/**
 * What the page may ask of the desktop's file system, on the `zhike:file` channel. The page never
 * names a path: the person chooses it in the system's own dialog, and main reads or writes there.
 * - `savePdf`: print the asking page (a guest's card, the briefing pack) to an A4 PDF and save it.
 * - `chooseFolder`: pick a folder (the backup folder); answers its path, or null when cancelled.
 * - `saveFile`: save a finished export (a guest list, the full export) that core wrote into its
 *   data folder; core is asked first whether this window's signed-in person may have it.
 * - `openTransferFile`: choose a full export to import; core registers it as an upload (for
 *   administrators) and answers `{ uploadId, fileName, bytes }`, `{ uploadId: null }` when cancelled.
 */
export type FileRequest =
  | { kind: 'savePdf'; fileName: string }
  | { kind: 'chooseFolder' }
  | { kind: 'openTransferFile' }
  | { kind: 'saveFile'; jobId: string }

const kinds = ['savePdf', 'chooseFolder', 'openTransferFile', 'saveFile'] as const

/** Checks a request's shape before anything is done; null for anything else. */
export function parseFileRequest(value: unknown): FileRequest | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return null
  const { kind, fileName, jobId } = value as Record<string, unknown>
  if (!(kinds as readonly unknown[]).includes(kind)) return null
  const keys = Object.keys(value)
  if (kind === 'chooseFolder' || kind === 'openTransferFile') return keys.length === 1 ? { kind } : null
  if (kind === 'savePdf') {
    if (keys.length !== 2 || typeof fileName !== 'string' || fileName.length > 200) return null
    return { kind, fileName: safeFileName(fileName, 'pdf') }
  }
  if (keys.length !== 2 || typeof jobId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(jobId)) return null
  return { kind: 'saveFile', jobId }
}

// Characters no file system takes in a name (Windows' list, which covers macOS and Linux), controls too.
const unsafe = /[<>:"/\\|?*\u0000-\u001f\u007f]/g
const reserved = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i

/**
 * A name the save dialog may suggest: no folders, no characters Windows refuses, no reserved
 * device names, at most 120 characters, with the extension `ext` (no dot). Chinese is kept.
 * An empty result becomes `zhike.<ext>`.
 */
export function safeFileName(name: string, ext: string): string {
  let base = name.replace(unsafe, ' ').replace(/\s+/g, ' ').replace(/^[.\s]+/, '').trim()
  if (base.toLowerCase().endsWith(`.${ext}`)) base = base.slice(0, -(ext.length + 1)).trim()
  base = [...base].slice(0, 120).join('').trim()
  if (base === '' || reserved.test(base)) base = 'zhike'
  return `${base}.${ext}`
}

/**
 * Writes `data` to `target` whole or not at all: into `<target>.part` beside it, flushed to disk,
 * then renamed over the target. On any failure (disk full, no permission) the `.part` file is
 * removed and the error rethrown, so nothing incomplete is left under the chosen name.
 */
export async function writeFileWhole(target: string, data: Uint8Array | ((part: string) => Promise<void>)): Promise<void> {
  const part = `${target}.part`
  try {
    if (typeof data === 'function') {
      await data(part)
    } else {
      const handle = await fs.promises.open(part, 'w')
      try {
        await handle.writeFile(data)
        await handle.sync()
      } finally {
        await handle.close()
      }
    }
    await fs.promises.rename(part, target)
  } catch (error) {
    await fs.promises.rm(part, { force: true })
    throw error
  }
}

/** Copies a finished file to the chosen place, whole or not at all (see `writeFileWhole`). */
export function copyFileWhole(source: string, target: string): Promise<void> {
  return writeFileWhole(target, async (part) => {
    await fs.promises.copyFile(source, part)
    const handle = await fs.promises.open(part, 'r+')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  })
}

/** Options for `webContents.printToPDF`: A4, the page's own @page margins, backgrounds (alert colours) kept. */
export const pdfOptions = { pageSize: 'A4', printBackground: true, preferCSSPageSize: true } as const

/** The folder a save dialog opens in: the last one used this run, else the person's documents. */
export function saveFolder(lastUsed: string | null, documents: string): string {
  return lastUsed && path.isAbsolute(lastUsed) ? lastUsed : documents
}
