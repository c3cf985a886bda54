import fs from 'node:fs'
import path from 'node:path'
import { recordAudit } from '../audit/audit.repository'
import type { Actor } from '../context'
import type { Sqlite } from '../db/query'
import { clearStoreCaches } from '../db/store-cache'
import { inTransaction } from '../db/transaction'
import { AppError, toErrorBody, type ErrorBody } from '../errors'
import { eventLogBounds } from '../event-log.repository'
import { lockStore } from '../db/store-lock'
import { businessDateOf, hotelClockSettings, nightAuditDueAt } from '../hotel-clock'
import { claimFiring, isClaimed } from '../scheduler/scheduler.repository'
import { getSetting, putSetting } from '../setup/setting.repository'
import { checkIntegrity, checkIntegrityOffThread, copyThroughSqlite, inspectBackup, makeSelfContained, openReadOnly, refuseLiveStore, type BackupFacts } from './backup-check'
import { checkBackupFolder, freeBackupFileName, listBackups, pruneBackups, type BackupKind, type BackupListing } from './backup-files'
import { checkpointTruncate, endAllSessions, pageSizeOf, raiseEventSequence, releaseBackupClaim, sameStaffId, vacuumCopy } from './backup.repository'
import { isStorePaused, pauseStore, resumeStore, storeOpening, storeWorkSettled } from './store-pause'

/*
 * Backups of the live store with SQLite's online backup API (better-sqlite3's `db.backup`):
 * pages are copied a few hundred at a time, each step in its own turn of the event loop, so the
 * hotel keeps working while it runs; a write made meanwhile through the same connection is
 * copied too. A backup is written as `<name>.part`, made a self-contained file (rollback
 * journal), checked with PRAGMA integrity_check, and only then renamed to its name: a backup
 * that failed half-way leaves no file that looks complete. One backup or restore runs at a time
 * per store; its progress is a job the Backups page polls (`backup.status`).
 */

export const backupFolderKey = 'backup.folder'
export const backupKeepKey = 'backup.keep'
const lastErrorKey = 'backup.lastError'
export const defaultKeep = 14
export const maxKeep = 365

/** After a failed daily backup, the scheduler tries again this much later. */
const dailyRetryMs = 60 * 60 * 1000
/** Pages copied per step of the online backup (4 KiB each: about 1.6 MB per turn of the event loop). */
const pagesPerStep = 400
/** Steps between two background flushes of the copy (about 16 MB). */
const flushEverySteps = 10

export interface BackupSettings {
  /** The folder backups go to (absolute), or null for an in-memory store. */
  folder: string | null
  /** True while no manager has chosen a folder (the default: `<data folder>/backups`). */
  isDefault: boolean
  defaultFolder: string | null
  /** How many backups are kept (the newest; older ones are removed after each backup). */
  keep: number
}

/** A backup or restore in progress (or the last one), as the Backups page polls it. */
export interface BackupJob {
  id: number
  kind: 'backup' | 'restore'
  /** What started it. */
  reason: BackupKind | 'restore'
  state: 'running' | 'done' | 'failed'
  /** 'copying' pages, 'checking' the copy, 'safety' (restore: backing up the current data first), 'replacing' (restore). */
  step: 'copying' | 'checking' | 'safety' | 'verifying' | 'replacing' | 'finished'
  /** Pages copied so far and in all (0/0 until the first step). */
  done: number
  total: number
  startedAt: string
  finishedAt: string | null
  /** The backup written (backup) or restored from (restore): a file name in the folder, or a path typed by an administrator. */
  file: string | null
  /** Restore: the backup of the data it replaced. */
  safetyBackup: string | null
  /** Restore: how many signed-in sessions it ended. */
  sessionsEnded: number | null
  /** Staff code of who started it (null: the scheduler). */
  by: string | null
  error: ErrorBody | null
}

interface BackupState {
  job: BackupJob | null
  running: Promise<unknown> | null
  nextId: number
  retryDailyAfter: number
}

const states = new WeakMap<Sqlite, BackupState>()
function stateOf(sqlite: Sqlite): BackupState {
  let s = states.get(sqlite)
  if (!s) {
    s = { job: null, running: null, nextId: 1, retryDailyAfter: 0 }
    states.set(sqlite, s)
  }
  return s
}

function isFileStore(sqlite: Sqlite): boolean {
  return !sqlite.memory && sqlite.name !== '' && sqlite.name !== ':memory:'
}

/** The folder the live store's file is in (null for an in-memory store): never a backup folder itself. */
export function storeDataFolder(sqlite: Sqlite): string | null {
  return isFileStore(sqlite) ? path.dirname(path.resolve(sqlite.name)) : null
}

/** The backup folder and how many to keep, as set (a damaged setting reads as the default). */
export function backupSettings(sqlite: Sqlite): BackupSettings {
  const defaultFolder = isFileStore(sqlite) ? path.join(path.dirname(path.resolve(sqlite.name)), 'backups') : null
  const stored = getSetting(sqlite, backupFolderKey)
  const keep = Number(getSetting(sqlite, backupKeepKey))
  const chosen = stored && path.isAbsolute(stored) ? stored : null
  return {
    folder: chosen ?? defaultFolder,
    isDefault: chosen === null,
    defaultFolder,
    keep: Number.isInteger(keep) && keep >= 1 && keep <= maxKeep ? keep : defaultKeep,
  }
}

/** The folder to write to, checked now (created if missing). Throws BACKUP_FOLDER saying what is wrong. */
export function usableBackupFolder(sqlite: Sqlite): string {
  const { folder } = backupSettings(sqlite)
  if (!folder) throw new AppError('BACKUP_FOLDER', 'This store lives in memory only: there is nothing to back up to a folder.', { reason: 'memory' })
  const checked = checkBackupFolder(folder, { dataFolder: storeDataFolder(sqlite) })
  if (!checked.ok) throw new AppError('BACKUP_FOLDER', `The backup folder cannot be used: ${checked.message} A manager can choose another folder on the Backups page.`, { folder, reason: checked.reason })
  return checked.folder
}

/** The last job (running or finished) on this store, a copy. */
export function currentJob(sqlite: Sqlite): BackupJob | null {
  const job = stateOf(sqlite).job
  return job ? { ...job } : null
}

/** Resolves when the running job (if any) has finished; for tests and benchmarks. */
export async function jobSettled(sqlite: Sqlite): Promise<BackupJob | null> {
  await stateOf(sqlite).running?.catch(() => {})
  return currentJob(sqlite)
}

export function isJobRunning(sqlite: Sqlite): boolean {
  return stateOf(sqlite).running !== null
}

function startJob(sqlite: Sqlite, fields: Pick<BackupJob, 'kind' | 'reason' | 'by' | 'file'>, now: Date, work: (job: BackupJob) => Promise<void>, onFailure?: (error: unknown) => void): BackupJob {
  const state = stateOf(sqlite)
  if (state.running) throw new AppError('BUSY', 'A backup or restore is already running. Wait for it to finish.', { retryable: true, retryAfterMs: 2000, reason: 'backup_running' })
  const job: BackupJob = {
    id: state.nextId++,
    ...fields,
    state: 'running',
    step: fields.kind === 'restore' ? 'verifying' : 'copying',
    done: 0,
    total: 0,
    startedAt: now.toISOString(),
    finishedAt: null,
    safetyBackup: null,
    sessionsEnded: null,
    error: null,
  }
  state.job = job
  // Started on the next turn, so the operation that asked has answered (and committed) first.
  const running = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => work(job))
    .then(
      () => {
        job.state = 'done'
        job.step = 'finished'
      },
      (error: unknown) => {
        job.state = 'failed'
        job.error = toErrorBody(error)
        if (!(error instanceof AppError)) console.error('[backup] failed', error)
        try {
          onFailure?.(error)
        } catch (inner) {
          console.error('[backup] could not record the failure', inner)
        }
      },
    )
    .finally(() => {
      job.finishedAt = new Date().toISOString()
      state.running = null
    })
  state.running = running
  return { ...job }
}

/**
 * Writes one backup of the live store into `folder` with the online backup API, checks it and
 * gives it its name (see the file comment). Answers the new backup's listing. Throws (leaving
 * no file) when the copy or its check fails. Callable directly (the benchmark does).
 */
export async function writeBackupFile(
  sqlite: Sqlite,
  options: { folder: string; kind: BackupKind; now: Date; onProgress?: (done: number, total: number) => void; onChecking?: () => void },
): Promise<BackupListing> {
  const { timeZone } = hotelClockSettings(sqlite)
  const businessDate = businessDateOf(sqlite, options.now)
  fs.mkdirSync(options.folder, { recursive: true, mode: 0o700 })
  const name = freeBackupFileName(options.folder, options.kind, businessDate, options.now, timeZone)
  const final = path.join(options.folder, name)
  const part = `${final}.part`
  const nativeBinding = storeOpening(sqlite).nativeBinding
  // The copy's connection commits with a full fsync at the end; flushing what it wrote so far
  // every few steps, on libuv's thread pool, keeps that last fsync (on this thread) short.
  let flushFd: number | null = null
  let flushing = false
  let sinceFlush = 0
  const flushSoFar = () => {
    if (flushing) return
    try {
      flushFd ??= fs.openSync(part, 'r')
    } catch {
      return
    }
    flushing = true
    fs.fdatasync(flushFd, () => (flushing = false))
  }
  const closeFlushFd = () => {
    if (flushFd === null) return
    const fd = flushFd
    flushFd = null
    // Closed once a flush in flight has finished with it.
    const close = () => (flushing ? setTimeout(close, 20) : fs.close(fd, () => {}))
    close()
  }
  try {
    await sqlite.backup(part, {
      progress: ({ totalPages, remainingPages }) => {
        options.onProgress?.(totalPages - remainingPages, totalPages)
        if (++sinceFlush >= flushEverySteps) {
          sinceFlush = 0
          flushSoFar()
        }
        return pagesPerStep
      },
    })
    fs.chmodSync(part, 0o600)
    options.onChecking?.()
    // The copy's header still says WAL (page 1 came from the live store): make it a file of its own, then check it.
    // (A flush still running keeps its descriptor until it finishes; closing below waits for nothing.)
    makeSelfContained(part, nativeBinding)
    await checkIntegrityOffThread(part, nativeBinding)
    closeFlushFd()
    fs.renameSync(part, final)
  } catch (error) {
    closeFlushFd()
    for (const f of [part, `${part}-journal`, `${part}-wal`, `${part}-shm`]) fs.rmSync(f, { force: true })
    if (error instanceof AppError && error.code === 'BACKUP_INVALID') {
      throw new AppError('BACKUP_FOLDER', `The backup copy did not pass its check (${error.message}); no backup was kept. Check the disk of ${options.folder}.`, { folder: options.folder, reason: 'copy_damaged' })
    }
    if (error instanceof AppError) throw error
    const code = (error as NodeJS.ErrnoException).code ?? ''
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
      throw new AppError('BACKUP_FOLDER', `The store itself is damaged (${code}); no backup of it could be made.`, { folder: options.folder, reason: 'copy_damaged' })
    }
    throw new AppError('BACKUP_FOLDER', `The backup could not be written to ${options.folder} (${code || (error as Error).message}). Is the disk full, or the folder gone?`, { folder: options.folder, reason: 'write_failed' })
  }
  const stat = fs.statSync(final)
  return listBackups(options.folder).find((b) => b.file === name) ?? { file: name, kind: options.kind, businessDate, takenAt: '', modifiedAt: stat.mtime.toISOString(), bytes: stat.size }
}

/**
 * Starts a backup job (`kind` daily or manual): the copy, its check, the rename, then keep-N
 * pruning, the audit log, and the last error cleared. Throws BUSY when a job is running and
 * BACKUP_FOLDER when the folder cannot be used (checked before anything starts).
 */
export function startBackup(sqlite: Sqlite, options: { kind: 'daily' | 'manual'; actor: Actor | null; now: Date; onFailure?: (error: unknown) => void }): BackupJob {
  const folder = usableBackupFolder(sqlite)
  const { keep } = backupSettings(sqlite)
  return startJob(
    sqlite,
    { kind: 'backup', reason: options.kind, by: options.actor?.code ?? null, file: null },
    options.now,
    async (job) => {
      const written = await writeBackupFile(sqlite, {
        folder,
        kind: options.kind,
        now: options.now,
        onProgress: (done, total) => {
          job.done = done
          job.total = total
        },
        onChecking: () => (job.step = 'checking'),
      })
      job.file = written.file
      const pruned = pruneBackups(folder, keep, [written.file])
      inTransaction(sqlite, () => {
        putSetting(sqlite, lastErrorKey, '')
        recordAudit(sqlite, {
          at: new Date().toISOString(),
          staffId: options.actor?.staffId ?? null,
          action: 'backup.written',
          entity: 'backup',
          detail: { file: written.file, kind: options.kind, bytes: written.bytes, folder, pruned },
        })
      })
    },
    (error) => {
      // The store was closed under it (the app quitting): nothing to record, the .part is gone.
      if (!sqlite.open) return
      const body = toErrorBody(error)
      inTransaction(sqlite, () => {
        putSetting(sqlite, lastErrorKey, JSON.stringify({ at: options.now.toISOString(), kind: options.kind, code: body.code, message: body.message }))
        recordAudit(sqlite, { at: new Date().toISOString(), staffId: options.actor?.staffId ?? null, action: 'backup.failed', entity: 'backup', detail: { kind: options.kind, folder, code: body.code, message: body.message } })
      })
      options.onFailure?.(error)
    },
  )
}

/** The claim of business date `date`'s daily backup in `scheduled_fire` (as the scheduler claims firings). */
export function dailyBackupKey(date: string): string {
  return `backup:daily:${date}`
}

/**
 * The scheduler's hook: once per business date, the first tick of the date (right after the
 * night audit opens it, or the first tick after start) claims the date's backup in the store
 * and starts it, so a second tick, a restart or a second process never takes it twice. A failed
 * daily backup gives its claim back and is tried again an hour later. Never throws.
 */
export function startDueDailyBackup(core: { sqlite: Sqlite }, now: Date, log: (line: string) => void = () => {}): BackupJob | null {
  const sqlite = core.sqlite
  const state = stateOf(sqlite)
  if (!isFileStore(sqlite) || isStorePaused(sqlite) || state.running || now.getTime() < state.retryDailyAfter) return null
  try {
    const date = businessDateOf(sqlite, now)
    const key = dailyBackupKey(date)
    if (isClaimed(sqlite, key)) return null
    usableBackupFolder(sqlite)
    if (!inTransaction(sqlite, () => claimFiring(sqlite, key, now.toISOString(), now.toISOString(), null))) return null
    log(`daily backup of ${date} started`)
    return startBackup(sqlite, {
      kind: 'daily',
      actor: null,
      now,
      onFailure: (error) => {
        state.retryDailyAfter = now.getTime() + dailyRetryMs
        inTransaction(sqlite, () => releaseBackupClaim(sqlite, key))
        log(`daily backup of ${date} failed: ${error instanceof Error ? error.message : String(error)}`)
      },
    })
  } catch (error) {
    state.retryDailyAfter = now.getTime() + dailyRetryMs
    const body = toErrorBody(error)
    try {
      inTransaction(sqlite, () => putSetting(sqlite, lastErrorKey, JSON.stringify({ at: now.toISOString(), kind: 'daily', code: body.code, message: body.message })))
    } catch {
      // The store is busy; the log line below still says it.
    }
    log(`daily backup not started: ${error instanceof Error ? error.message : String(error)}`)
    return null
  }
}

/** The last backup failure ({at, kind, code, message}), or null after a backup succeeded. */
export function lastBackupError(sqlite: Sqlite): { at: string; kind: string; code: string; message: string } | null {
  const raw = getSetting(sqlite, lastErrorKey)
  if (!raw) return null
  try {
    return JSON.parse(raw)
  } catch {
    return null
  }
}

/** Whether today's (business date) daily backup is taken, and when the next one is due (ISO): after the next night audit, or now. */
export function dailyBackupPlan(sqlite: Sqlite, now: Date): { businessDate: string; takenToday: boolean; nextDueAt: string } {
  const businessDate = businessDateOf(sqlite, now)
  const takenToday = isClaimed(sqlite, dailyBackupKey(businessDate))
  return { businessDate, takenToday, nextDueAt: (takenToday ? nightAuditDueAt(sqlite, now) : now).toISOString() }
}

/**
 * Checks a backup file without restoring it: not the live store's own file, header, Zhike store,
 * version, an administrator in it (quick, on this thread), then PRAGMA integrity_check in a
 * worker thread. Throws BACKUP_INVALID / BACKUP_TOO_NEW. `shown` names the file in messages.
 */
export async function verifyBackup(sqlite: Sqlite, file: string, shown: string = file): Promise<BackupFacts> {
  const nativeBinding = storeOpening(sqlite).nativeBinding
  if (isFileStore(sqlite)) refuseLiveStore(file, path.resolve(sqlite.name), shown)
  const facts = inspectBackup(file, nativeBinding, shown)
  await checkIntegrityOffThread(file, nativeBinding, shown)
  return facts
}

/**
 * The quick checks of a backup (not the live store's own file, header, a Zhike store, not
 * newer, an administrator could sign in), without integrity_check. Throws BACKUP_INVALID /
 * BACKUP_TOO_NEW.
 */
export function inspectBackupFile(sqlite: Sqlite, file: string): BackupFacts {
  if (isFileStore(sqlite)) refuseLiveStore(file, path.resolve(sqlite.name))
  return inspectBackup(file, storeOpening(sqlite).nativeBinding)
}

/**
 * Starts restoring `file` (an absolute path, already confined by the caller) over the live store:
 *
 * 1. the cheap checks now (not the live store's own file, an SQLite file, whole, a Zhike store,
 *    not newer, an administrator in it: BACKUP_INVALID / BACKUP_TOO_NEW thrown at once, nothing
 *    started);
 * 2. then, as a job, with every call answered BUSY: wait for a scheduler tick in progress; the
 *    backup copied through SQLite (its -wal included, never a raw file copy) into a temporary
 *    folder, and THAT copy checked (the quick checks again and integrity_check), so what
 *    replaces the data is what was checked; a backup of the current data ('before-restore'); the
 *    copy brought up to this version (migrations, vocabulary, built-in rules, search index: what
 *    a start does); the copy written over the live file with the backup API in one step (the
 *    live connection stays open and sees the new data);
 * 3. afterwards the store's caches are emptied, every session ends (everyone signs in again),
 *    event ids keep increasing, the backup folder settings of the current data are kept, and the
 *    restore is audited in the restored store.
 *
 * Any failure before step 2's last part leaves the current data exactly as it was.
 */
export function startRestore(sqlite: Sqlite, options: { file: string; actor: Actor; now: Date }): BackupJob {
  if (!isFileStore(sqlite)) throw new AppError('BACKUP_FOLDER', 'This store lives in memory only: there is nothing to restore over.', { reason: 'memory' })
  const opening = storeOpening(sqlite)
  const live = path.resolve(sqlite.name)
  refuseLiveStore(options.file, live)
  inspectBackup(options.file, opening.nativeBinding)
  const folder = usableBackupFolder(sqlite)
  const shownName = path.dirname(options.file) === folder ? path.basename(options.file) : options.file
  return startJob(sqlite, { kind: 'restore', reason: 'restore', by: options.actor.code, file: shownName }, options.now, async (job) => {
    pauseStore(sqlite)
    const temp = path.join(path.dirname(live), `restore-${process.pid}-${Date.now()}.tmp`)
    try {
      await storeWorkSettled(sqlite)
      // The backup as SQLite reads it (a -wal beside it included) into a copy of its own; only
      // that copy is checked and restored, so a file changed or swapped meanwhile changes nothing.
      refuseLiveStore(options.file, live)
      fs.mkdirSync(temp, { mode: 0o700 })
      const copy = path.join(temp, 'zhike.db')
      await copyThroughSqlite(options.file, copy, {
        nativeBinding: opening.nativeBinding,
        shown: options.file,
        onProgress: (done, total) => {
          job.done = done
          job.total = total
        },
      })
      const facts = inspectBackup(copy, opening.nativeBinding, options.file)
      await checkIntegrityOffThread(copy, opening.nativeBinding, options.file)
      const settingsBefore = { folder: getSetting(sqlite, backupFolderKey), keep: getSetting(sqlite, backupKeepKey) }
      const latestEvent = eventLogBounds(sqlite).latest

      job.step = 'safety'
      let safety: { file: string }
      try {
        safety = await writeBackupFile(sqlite, {
          folder,
          kind: 'before-restore',
          now: options.now,
          onProgress: (done, total) => {
            job.done = done
            job.total = total
          },
        })
      } catch (error) {
        // The current data is damaged, so no sound backup of it exists: keep its files as they are instead.
        if (!(error instanceof AppError && error.details?.reason === 'copy_damaged')) throw error
        safety = { file: keepDamagedFiles(live, folder, options.now) }
      }
      job.safetyBackup = safety.file

      job.step = 'replacing'
      try {
        opening.prepareCopy?.(copy)
      } catch (error) {
        if (error instanceof AppError && error.code === 'STORE_TOO_NEW') throw new AppError('BACKUP_TOO_NEW', error.message, { file: options.file })
        if (error instanceof AppError) throw new AppError('BACKUP_INVALID', `${options.file} could not be brought up to this version of Zhike (${error.message}).`, { file: options.file, reason: 'damaged' })
        throw error
      }
      const source = openReadOnly(copy, opening.nativeBinding)
      try {
        if (pageSizeOf(source) !== pageSizeOf(sqlite)) {
          throw new AppError('BACKUP_INVALID', `${options.file} uses another page size (${pageSizeOf(source)} bytes, the store ${pageSizeOf(sqlite)}); it was not written by Zhike's backup.`, { file: options.file, reason: 'not_zhike' })
        }
        // All pages in one step: nothing else runs between the first page written and the last.
        await source.backup(live, { progress: () => 0x7fffffff })
      } finally {
        source.close()
      }

      clearStoreCaches(sqlite)
      job.sessionsEnded = inTransaction(sqlite, () => {
        raiseEventSequence(sqlite, latestEvent)
        const ended = endAllSessions(sqlite)
        for (const [key, value] of [[backupFolderKey, settingsBefore.folder], [backupKeepKey, settingsBefore.keep]] as const) {
          if (value !== undefined) putSetting(sqlite, key, value)
        }
        recordAudit(sqlite, {
          at: new Date().toISOString(),
          staffId: sameStaffId(sqlite, options.actor.staffId, options.actor.code),
          action: 'backup.restored',
          entity: 'backup',
          detail: { file: options.file, safetyBackup: safety.file, sessionsEnded: ended, migrated: facts.older, by: options.actor.code },
        })
        return ended
      })
      checkpointTruncate(sqlite)
      clearStoreCaches(sqlite)
    } finally {
      fs.rmSync(temp, { recursive: true, force: true })
      resumeStore(sqlite)
    }
  }, (error) => {
    const body = toErrorBody(error)
    inTransaction(sqlite, () =>
      recordAudit(sqlite, { at: new Date().toISOString(), staffId: sameStaffId(sqlite, options.actor.staffId, options.actor.code), action: 'backup.restoreFailed', entity: 'backup', detail: { file: options.file, code: body.code, message: body.message } }),
    )
  })
}

/** Copies a damaged store's files (the file, its -wal) as they are into `<folder>/zhike-damaged-<time>/`; answers that folder's name. */
function keepDamagedFiles(live: string, folder: string, now: Date): string {
  const name = `zhike-damaged-${now.toISOString().replace(/[:.]/g, '-')}`
  const target = path.join(folder, name)
  fs.mkdirSync(target, { recursive: true, mode: 0o700 })
  for (const suffix of ['', '-wal']) {
    if (fs.existsSync(live + suffix)) fs.copyFileSync(live + suffix, path.join(target, path.basename(live) + suffix))
  }
  return name
}

/**
 * Puts a backup in place of a store that is not open (the store was refused at start as
 * STORE_DAMAGED): the backup is checked first (BACKUP_INVALID / BACKUP_TOO_NEW, nothing moved),
 * the store is locked like an opening would, its files are moved aside as
 * `<store>.damaged-<time>` (never deleted), and the backup is copied in as `<store>.part`, then
 * renamed. The next start opens it (and migrates an older one). Answers where the old files went.
 */
export function placeBackup(backupFile: string, storeFile: string, options: { nativeBinding?: string; now?: Date } = {}): { movedAside: string[] } {
  refuseLiveStore(backupFile, storeFile)
  inspectBackup(backupFile, options.nativeBinding)
  const lock = lockStore(storeFile, 'Zhike restore')
  const part = `${storeFile}.part`
  try {
    // Copied through SQLite (a -wal beside the backup included, never a raw file copy), and that
    // copy is what is checked and put in place.
    for (const f of [part, `${part}-journal`]) fs.rmSync(f, { force: true })
    vacuumInto(backupFile, part, options.nativeBinding)
    inspectBackup(part, options.nativeBinding, backupFile)
    checkIntegrity(part, options.nativeBinding, backupFile)
    fs.chmodSync(part, 0o600)
    const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-')
    const movedAside: string[] = []
    for (const suffix of ['', '-wal', '-shm']) {
      if (!fs.existsSync(storeFile + suffix)) continue
      const aside = `${storeFile}.damaged-${stamp}${suffix}`
      fs.renameSync(storeFile + suffix, aside)
      movedAside.push(aside)
    }
    fs.renameSync(part, storeFile)
    return { movedAside }
  } catch (error) {
    for (const f of [part, `${part}-journal`]) fs.rmSync(f, { force: true })
    throw error
  } finally {
    lock.release()
  }
}

/** `VACUUM INTO` from a read-only connection: a consistent copy of what SQLite reads (its -wal included), on this thread. Throws BACKUP_INVALID. */
function vacuumInto(file: string, target: string, nativeBinding?: string): void {
  let source: Sqlite | null = null
  try {
    source = openReadOnly(file, nativeBinding)
    vacuumCopy(source, target)
    makeSelfContained(target, nativeBinding)
  } catch (error) {
    if (error instanceof AppError) throw error
    const code = (error as { code?: string }).code ?? ''
    throw new AppError('BACKUP_INVALID', `${file} could not be copied (${code || (error as Error).message}). Choose another backup.`, { file, reason: 'damaged', issues: [{ path: 'file', message: 'This backup could not be copied.' }] })
  } finally {
    source?.close()
  }
}

export type { BackupFacts, BackupListing }
