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
export type FolderProblem = 'not_absolute' | 'not_folder' | 'cannot_create' | 'not_writable'

/**
 * Checks that `folder` can hold backups: an absolute path that is (or can be made) a folder we
 * can write to (a probe file is written and removed). Creates it if missing. Answers the
 * resolved folder, or the problem with an English sentence.
 */
export function checkBackupFolder(folder: string): { ok: true; folder: string } | { ok: false; reason: FolderProblem; message: string } {
  const typed = folder.trim()
  if (!path.isAbsolute(typed)) {
    return { ok: false, reason: 'not_absolute', message: `Type the whole path of the folder, starting from the drive or the root (for example /srv/zhike-backups or D:\\Zhike backups), not "${typed}".` }
  }
  const resolved = path.resolve(typed)
  try {
    const stat = fs.statSync(resolved)
    if (!stat.isDirectory()) return { ok: false, reason: 'not_folder', message: `${resolved} is a file, not a folder. Choose a folder.` }
  } catch {
    try {
      fs.mkdirSync(resolved, { recursive: true, mode: 0o700 })
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
