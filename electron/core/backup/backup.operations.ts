import fs from 'node:fs'
import { z } from 'zod'
import { recordAudit } from '../audit/audit.repository'
import { actorOf, type OperationContext } from '../context'
import { AppError } from '../errors'
import { hotelClockSettings } from '../hotel-clock'
import { operation } from '../operation'
import { putSetting } from '../setup/setting.repository'
import { checkBackupFolder, listBackups, resolveBackupFile, unsafeFolderProblem } from './backup-files'
import {
  backupFolderKey,
  backupKeepKey,
  backupSettings,
  currentJob,
  dailyBackupPlan,
  isJobRunning,
  lastBackupError,
  maxKeep,
  startBackup,
  startRestore,
  inspectBackupFile,
  storeDataFolder,
} from './backup.service'

/** Only an administrator at the desktop itself may name a backup file outside the backup folder. */
function mayTypePath(ctx: OperationContext): boolean {
  return ctx.actor?.role === 'admin' && ctx.caller.local
}

function folderOrThrow(ctx: OperationContext): string {
  const { folder } = backupSettings(ctx.sqlite)
  if (!folder) throw new AppError('BACKUP_FOLDER', 'This store lives in memory only: it has no backup folder.', { reason: 'memory' })
  return folder
}

/** A folder that must not or cannot hold backups (a missing one is created at the next backup). */
function folderProblem(folder: string | null, dataFolder: string | null): { reason: string; message: string } | null {
  if (!folder) return { reason: 'memory', message: 'This store lives in memory only.' }
  const unsafe = unsafeFolderProblem(folder, { dataFolder })
  if (unsafe) return { reason: 'unsafe_folder', message: unsafe }
  try {
    const stat = fs.statSync(folder)
    if (!stat.isDirectory()) return { reason: 'not_folder', message: `${folder} is a file, not a folder.` }
    fs.accessSync(folder, fs.constants.W_OK)
    return null
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return null
    return { reason: 'not_writable', message: `Zhike cannot write to ${folder} (${code ?? 'error'}).` }
  }
}

const fileName = z.string().trim().min(1, 'Choose a backup.').max(4096)

export const backupOperations = {
  /**
   * The Backups page: `{ folder, isDefault, defaultFolder, keep, folderProblem, backups, last,
   * daily: { businessDate, takenToday, nextDueAt }, lastError, job, mayRestore, mayTypePath, timeZone }`.
   * `backups` lists the backup files in the folder, newest first (`file` name, `kind` daily |
   * manual | before-restore, `businessDate`, `takenAt` hotel wall time, `modifiedAt` ISO, `bytes`).
   * `job` is the running or last backup/restore (poll while `job.state` is 'running'; it still
   * answers during a restore). Managers and administrators (`backup.manage`).
   */
  'backup.status': operation({
    kind: 'query',
    summary: 'Managers: the backup folder, how many are kept, the backups in the folder, when the next daily backup is due, and the running backup or restore.',
    permission: 'backup.manage',
    input: z.object({}),
    handler(ctx) {
      const settings = backupSettings(ctx.sqlite)
      const backups = settings.folder ? listBackups(settings.folder) : []
      const running = isJobRunning(ctx.sqlite)
      return {
        ...settings,
        folderProblem: folderProblem(settings.folder, storeDataFolder(ctx.sqlite)),
        backups,
        last: backups.find((b) => b.kind !== 'before-restore') ?? null,
        // Read from the store only while it is not being replaced.
        daily: running && currentJob(ctx.sqlite)?.kind === 'restore' ? null : dailyBackupPlan(ctx.sqlite, ctx.clock.now()),
        lastError: lastBackupError(ctx.sqlite),
        job: currentJob(ctx.sqlite),
        mayRestore: ctx.actor?.role === 'admin',
        mayTypePath: mayTypePath(ctx),
        timeZone: hotelClockSettings(ctx.sqlite).timeZone,
      }
    },
  }),

  /**
   * Sets the backup folder (`folder`: an absolute path; null or '' for the default
   * `<data folder>/backups`) and/or how many backups to keep (`keep`, 1–365). The folder is
   * checked first: not a filesystem root, a system folder (/etc, /usr, C:\Windows, C:\Program
   * Files…) or anything inside one, nor the store's own data folder itself (a folder inside it
   * is fine); it must exist, or its parent must (only the last level is created), and be
   * writable. Errors: VALIDATION with `details.issues` on `folder` (`details.reason`:
   * not_absolute | unsafe_folder | not_folder | cannot_create | not_writable) or on `keep`; the
   * stored settings are kept then. Answers the new settings. Audited.
   */
  'backup.setSettings': operation({
    kind: 'mutation',
    summary: 'Managers: choose the backup folder (checked: not a root, system folder or the data folder itself; it must exist or its parent must, and be writable) and how many backups to keep.',
    permission: 'backup.manage',
    input: z.object({
      folder: z.string().max(1000).nullable().optional(),
      keep: z.number().int('Keep a whole number of backups.').min(1, 'Keep at least 1 backup.').max(maxKeep, `Keep at most ${maxKeep} backups.`).optional(),
    }),
    handler(ctx, input) {
      const before = backupSettings(ctx.sqlite)
      let folder: string | null | undefined
      if (input.folder !== undefined) {
        const typed = input.folder?.trim() ?? ''
        if (typed === '') folder = null
        else {
          const checked = checkBackupFolder(typed, { dataFolder: storeDataFolder(ctx.sqlite) })
          if (!checked.ok) throw new AppError('VALIDATION', `folder: ${checked.message}`, { reason: checked.reason, issues: [{ path: 'folder', message: checked.message }] })
          folder = checked.folder
        }
        putSetting(ctx.sqlite, backupFolderKey, folder ?? '')
      }
      if (input.keep !== undefined) putSetting(ctx.sqlite, backupKeepKey, String(input.keep))
      const after = backupSettings(ctx.sqlite)
      recordAudit(ctx.sqlite, {
        at: ctx.clock.now().toISOString(),
        staffId: actorOf(ctx).staffId,
        action: 'backup.settings',
        entity: 'setting',
        detail: { before: { folder: before.folder, keep: before.keep }, after: { folder: after.folder, keep: after.keep } },
      })
      return after
    },
  }),

  /**
   * Starts a backup now (the online backup API: the hotel keeps working meanwhile). Answers
   * `{ job, alreadyRunning }` at once; poll `backup.status` for `job` (state running → done |
   * failed, with `error`). A backup already running is answered as `alreadyRunning: true` with
   * its job. Errors: BACKUP_FOLDER when the folder cannot be used (`details.reason`); BUSY while
   * a restore runs. Managers and administrators; the finished backup is audited.
   */
  'backup.now': operation({
    kind: 'mutation',
    summary: 'Managers: back the store up now into the backup folder (runs in the background; poll backup.status).',
    permission: 'backup.manage',
    input: z.object({}),
    handler(ctx) {
      const running = currentJob(ctx.sqlite)
      if (isJobRunning(ctx.sqlite) && running) {
        if (running.kind === 'backup') return { job: running, alreadyRunning: true }
        throw new AppError('BUSY', 'A backup is being restored. Try again when it has finished.', { retryable: true, retryAfterMs: 3000, reason: 'restoring' })
      }
      return { job: startBackup(ctx.sqlite, { kind: 'manual', actor: actorOf(ctx), now: ctx.clock.now() }), alreadyRunning: false }
    },
  }),

  /**
   * Checks a backup without restoring it: `file` is a name from `backup.status`'s list (or, for
   * an administrator at the desktop, an absolute path). Answers `{ file, bytes, guests,
   * migrations: { applied, ours }, older, admins }` (older: restoring brings it up to date;
   * admins: active administrators in it). Errors: BACKUP_INVALID (`details.reason`: not_database
   * | truncated | not_zhike | damaged | unreadable | live_store — the hotel's live data file
   * itself, or its -wal/-shm — | no_admin — nobody could sign in after restoring it), BACKUP_TOO_NEW (a newer Zhike wrote it), NOT_FOUND, VALIDATION (a path not allowed).
   * The quick checks only (milliseconds): PRAGMA integrity_check, which reads every page, runs
   * in the restore's job in a worker thread (every backup Zhike writes was checked when written).
   */
  'backup.check': operation({
    kind: 'query',
    summary: 'Managers: check a backup file (an SQLite database, whole, a Zhike store written by this or an older version) without restoring it.',
    permission: 'backup.manage',
    input: z.object({ file: fileName }),
    handler(ctx, input) {
      const file = resolveBackupFile(folderOrThrow(ctx), input.file, mayTypePath(ctx))
      return { file: input.file, ...inspectBackupFile(ctx.sqlite, file) }
    },
  }),

  /**
   * Replaces the hotel's data with a backup (administrators only: it replaces everything and
   * signs everyone out). `file`: a name from the list (or an absolute path typed by an
   * administrator at the desktop); `confirm: true`. The quick checks run now (BACKUP_INVALID —
   * reasons as `backup.check`, including live_store and no_admin —, BACKUP_TOO_NEW, NOT_FOUND,
   * VALIDATION: nothing changed); then a job (poll `backup.status`) copies the backup through
   * SQLite (a -wal beside it included) and checks that copy (the quick checks again and
   * integrity), backs the current data up first ('before-restore'), brings an older backup up
   * to this version and writes the checked copy over the store. Meanwhile every other call answers
   * BUSY (retryable). Afterwards every session has ended. Answers `{ job }`. Audited.
   */
  'backup.restore': operation({
    kind: 'mutation',
    summary: 'Administrators: restore a backup over the hotel’s data (checked first; the current data is backed up first; everyone is signed out).',
    permission: 'system.admin',
    input: z.object({ file: fileName, confirm: z.literal(true, 'Confirm the restore: it replaces the hotel’s data and signs everyone out.') }),
    handler(ctx, input) {
      const file = resolveBackupFile(folderOrThrow(ctx), input.file, mayTypePath(ctx))
      return { job: startRestore(ctx.sqlite, { file, actor: actorOf(ctx), now: ctx.clock.now() }) }
    },
  }),
}
