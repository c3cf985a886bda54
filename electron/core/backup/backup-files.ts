import fs from 'node:fs'
import path from 'node:path'
import { DateTime } from 'luxon'
import { AppError } from '../errors'

/*
 * The backup folder: what a backup file is called, which files in the folder are ours, keeping
 * the last N, and checking a folder a manager typed. Plain file work, no store.
 */

export const backupKinds = ['daily', 'manual', 'before-restore'] as const
export type BackupKind = (typeof backupKinds)[number]

/**
 * `zhike-<business date>-<kind>-<hotel date>T<hotel time>[-n].db`, e.g.
 * `zhike-2026-12-01-daily-20261202T031502.db`: the daily backup of business date 1 December,
 * taken at 03:15:02 hotel time on 2 December. A file being written ends in `.part` and never
 * matches, so it is never listed, restored or counted.
 */
const namePattern = /^zhike-(\d{4}-\d{2}-\d{2})-(daily|manual|before-restore)-(\d{8})T(\d{6})(?:-(\d{1,3}))?\.db$/

/** One backup in the folder, as the Backups page lists it. */
export interface BackupListing {
  /** File name inside the backup folder (never a path). */
  file: string
  kind: BackupKind
  /** The hotel's business date the backup belongs to, YYYY-MM-DD. */
  businessDate: string
  /** Hotel wall-clock time the backup was taken, 'YYYY-MM-DD HH:MM:SS'. */
  takenAt: string
  /** When the file was last written (ISO instant). */
  modifiedAt: string
  /** Size in bytes. */
  bytes: number
}

export function isBackupFileName(name: string): boolean {
  return namePattern.test(name)
}

/** The file name of a backup taken at `at` (hotel zone `timeZone`) for `businessDate`; `n` > 1 when the name was taken. */
export function backupFileName(kind: BackupKind, businessDate: string, at: Date, timeZone: string, n = 1): string {
  const wall = DateTime.fromJSDate(at, { zone: timeZone }).toFormat("yyyyMMdd'T'HHmmss")
  return `zhike-${businessDate}-${kind}-${wall}${n > 1 ? `-${n}` : ''}.db`
}

/** A file name in `folder` for a new backup that no file (nor a .part being written) has yet. */
export function freeBackupFileName(folder: string, kind: BackupKind, businessDate: string, at: Date, timeZone: string): string {
  for (let n = 1; n < 1000; n++) {
    const name = backupFileName(kind, businessDate, at, timeZone, n)
    if (!fs.existsSync(path.join(folder, name)) && !fs.existsSync(path.join(folder, `${name}.part`))) return name
  }
  throw new AppError('BACKUP_FOLDER', `The backup folder ${folder} has too many backups taken in the same second.`, { folder })
}

function parse(name: string): { kind: BackupKind; businessDate: string; takenAt: string } | null {
  const m = namePattern.exec(name)
  if (!m) return null
  const [, businessDate, kind, day, time] = m
  return {
    kind: kind as BackupKind,
    businessDate,
    takenAt: `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)} ${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}`,
  }
}

/** Our backups in `folder`, newest first (by when they were taken, then by name). A missing folder lists nothing. */
export function listBackups(folder: string): BackupListing[] {
  let names: string[]
  try {
    names = fs.readdirSync(folder)
  } catch {
    return []
  }
  const list: BackupListing[] = []
  for (const file of names) {
    const facts = parse(file)
    if (!facts) continue
    try {
      const stat = fs.statSync(path.join(folder, file))
      if (!stat.isFile()) continue
      list.push({ file, ...facts, modifiedAt: stat.mtime.toISOString(), bytes: stat.size })
    } catch {
      // Removed while we looked.
    }
  }
  // Within one second, the name's -n says which came later.
  const seq = (file: string) => Number(namePattern.exec(file)?.[5] ?? 1)
  return list.sort((a, b) => (a.takenAt === b.takenAt ? seq(b.file) - seq(a.file) : b.takenAt.localeCompare(a.takenAt)))
}

/** Removes all but the newest `keep` backups (ours only; other files in the folder are never touched). Answers the names removed. */
export function pruneBackups(folder: string, keep: number, spare: string[] = []): string[] {
  const removed: string[] = []
  for (const old of listBackups(folder).slice(Math.max(1, keep))) {
    if (spare.includes(old.file)) continue
    try {
      fs.rmSync(path.join(folder, old.file), { force: true })
      removed.push(old.file)
    } catch {
      // Left for the next prune.
    }
  }
  return removed
}

/** Why a folder cannot hold backups. */
export type FolderProblem = 'not_absolute' | 'not_folder' | 'cannot_create' | 'not_writable' | 'unsafe_folder'

/** System folders: never a backup folder, nor anything inside them (compared in lower case on Windows). */
const posixSystemFolders = [
  '/etc', '/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/boot', '/proc', '/sys', '/dev', '/run',
  '/var/lib', '/var/log', '/var/cache', '/var/spool', '/var/run', '/var/lock', '/var/db', '/snap', '/lost+found',
  // macOS
  '/System', '/Library', '/Applications', '/private/etc', '/private/var/db', '/private/var/root', '/cores',
]
/** Folders that hold everyone's or everything's folders: a folder inside them is fine, the folder itself is not. */
const posixSharedFolders = ['/root', '/home', '/Users', '/var', '/tmp', '/var/tmp', '/opt', '/srv', '/mnt', '/media', '/Volumes', '/private', '/private/var', '/private/tmp']
const windowsSystemFolders = ['windows', 'program files', 'program files (x86)', 'programdata\\microsoft', '$recycle.bin', 'system volume information', 'recovery', 'boot']
const windowsSharedFolders = ['users', 'programdata', 'users\\public']

/**
 * Why `folder` (absolute, already resolved, for `platform`'s paths) must not hold backups: a
 * filesystem root ("/", "C:\", a network share's root), a system folder or anything inside it
 * (/etc, /usr, /var/lib, C:\Windows, C:\Program Files…), a folder of everyone's folders itself
 * (/home, /tmp, C:\Users), or the store's own data folder itself (`dataFolder`; a folder inside
 * it, like the default `<data folder>/backups`, is fine). Answers an English sentence, or null.
 */
export function unsafeFolderProblem(folder: string, options: { dataFolder?: string | null; platform?: NodeJS.Platform } = {}): string | null {
  const windows = (options.platform ?? process.platform) === 'win32'
  const p = windows ? path.win32 : path.posix
  const resolved = p.resolve(folder)
  const fold = (f: string) => (windows ? f.toLowerCase() : f)
  const root = p.parse(resolved).root
  const trimmed = resolved.length > root.length ? resolved.replace(/[\\/]+$/, '') : resolved
  if (trimmed === root || fold(trimmed) === fold(root.replace(/[\\/]+$/, ''))) {
    return `${trimmed} is the top of a drive or of the whole file system. Choose (or create) a folder of its own for backups, for example ${windows ? 'D:\\Zhike backups' : '/srv/zhike-backups'}.`
  }
  const inside = (base: string) => {
    const relative = p.relative(fold(base), fold(trimmed))
    return relative === '' || (!relative.startsWith('..') && !p.isAbsolute(relative))
  }
  const sentence = `${trimmed} is a system folder (or inside one); backups there could harm the computer or be removed by it. Choose a folder of its own for backups, for example ${windows ? 'D:\\Zhike backups' : '/srv/zhike-backups'}.`
  if (windows) {
    const rest = fold(trimmed.slice(root.length))
    if (windowsSystemFolders.some((f) => rest === f || rest.startsWith(`${f}\\`))) return sentence
    if (windowsSharedFolders.includes(rest)) return sentence
  } else {
    if (posixSystemFolders.some(inside)) return sentence
    if (posixSharedFolders.includes(trimmed)) return sentence
  }
  if (options.dataFolder && fold(p.resolve(options.dataFolder)) === fold(trimmed)) {
    return `${trimmed} is the folder the hotel's live data is kept in. Choose a folder of its own for backups, for example the default ${p.join(options.dataFolder, 'backups')}.`
  }
  return null
}

/** `folder` with its links followed as far as it exists (the part still missing appended as typed). */
function realFolder(folder: string): string {
  const missing: string[] = []
  let at = folder
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(at), ...missing.reverse())
    } catch {
      const parent = path.dirname(at)
      if (parent === at) return folder
      missing.push(path.basename(at))
      at = parent
    }
  }
}

/**
 * Checks that `folder` can hold backups: an absolute path, not a filesystem root, a system
 * folder or the store's own data folder (`dataFolder`), that is (or can be made) a folder we
 * can write to (a probe file is written and removed). A missing folder is created only when its
 * parent exists (one level, never a chain). Answers the resolved folder, or the problem with an
 * English sentence.
 */
export function checkBackupFolder(folder: string, options: { dataFolder?: string | null } = {}): { ok: true; folder: string } | { ok: false; reason: FolderProblem; message: string } {
  const typed = folder.trim()
  if (!path.isAbsolute(typed)) {
    return { ok: false, reason: 'not_absolute', message: `Type the whole path of the folder, starting from the drive or the root (for example /srv/zhike-backups or D:\\Zhike backups), not "${typed}".` }
  }
  const resolved = path.resolve(typed)
  // As typed, and where its links lead (a link to /etc is /etc).
  const dataFolder = options.dataFolder ? realFolder(path.resolve(options.dataFolder)) : null
  const unsafe = unsafeFolderProblem(resolved, { dataFolder }) ?? unsafeFolderProblem(realFolder(resolved), { dataFolder })
  if (unsafe) return { ok: false, reason: 'unsafe_folder', message: unsafe }
  try {
    const stat = fs.statSync(resolved)
    if (!stat.isDirectory()) return { ok: false, reason: 'not_folder', message: `${resolved} is a file, not a folder. Choose a folder.` }
  } catch {
    const parent = path.dirname(resolved)
    let parentIsFolder = false
    try {
      parentIsFolder = fs.statSync(parent).isDirectory()
    } catch {
      // Missing: said below.
    }
    if (!parentIsFolder) {
      return { ok: false, reason: 'cannot_create', message: `The folder ${resolved} does not exist, nor does ${parent}. Zhike creates only the last folder of a path: create ${parent} first, or choose another folder.` }
    }
    try {
      fs.mkdirSync(resolved, { mode: 0o700 })
    } catch (error) {
      return { ok: false, reason: 'cannot_create', message: `The folder ${resolved} does not exist and could not be created (${(error as NodeJS.ErrnoException).code ?? 'error'}). Choose another folder, or create it first.` }
    }
  }
  const probe = path.join(resolved, `.zhike-write-test-${process.pid}-${Date.now()}`)
  try {
    fs.writeFileSync(probe, 'zhike', { mode: 0o600 })
    fs.rmSync(probe, { force: true })
  } catch (error) {
    return { ok: false, reason: 'not_writable', message: `Zhike cannot write to ${resolved} (${(error as NodeJS.ErrnoException).code ?? 'error'}). Choose a folder this computer's Zhike may write to.` }
  }
  return { ok: true, folder: resolved }
}

/**
 * The file a caller names: a backup's file name from the folder's list, resolved inside the
 * folder (no other name, no `..`, no separators), or, when `mayTypePath` (an administrator at the
 * desktop), an absolute path typed anywhere. Throws VALIDATION (details.issues on `file`) or NOT_FOUND.
 */
export function resolveBackupFile(folder: string, file: string, mayTypePath: boolean): string {
  const named = file.trim()
  let resolved: string
  if (isBackupFileName(named)) {
    resolved = path.join(folder, named)
  } else if (mayTypePath && path.isAbsolute(named)) {
    resolved = path.resolve(named)
  } else {
    const message = mayTypePath
      ? 'Choose a backup from the list, or type the whole path of a backup file.'
      : 'Choose a backup from the list (only an administrator at the desktop may type a path).'
    throw new AppError('VALIDATION', `file: ${message}`, { issues: [{ path: 'file', message }] })
  }
  let stat: fs.Stats
  try {
    stat = fs.statSync(resolved)
  } catch {
    throw new AppError('NOT_FOUND', `There is no backup file ${resolved}.`, { file: resolved, issues: [{ path: 'file', message: `There is no file ${resolved}.` }] })
  }
  if (!stat.isFile()) throw new AppError('VALIDATION', `file: ${resolved} is a folder, not a backup file.`, { issues: [{ path: 'file', message: `${resolved} is a folder, not a backup file.` }] })
  return resolved
}
