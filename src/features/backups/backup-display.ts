/*
 * Pure helpers for the Backups page (no React): which sentence a failure gets, how far a job
 * is, how big a file is.
 */

/** A backup or restore job as `backup.status` answers it. */
export interface BackupJobView {
  kind: 'backup' | 'restore'
  state: 'running' | 'done' | 'failed'
  step: 'copying' | 'checking' | 'safety' | 'verifying' | 'replacing' | 'finished'
  done: number
  total: number
}

const invalidReasons = ['not_database', 'truncated', 'not_zhike', 'damaged', 'unreadable', 'live_store', 'no_admin']
const folderReasons = ['not_absolute', 'not_folder', 'cannot_create', 'not_writable', 'unsafe_folder', 'memory', 'copy_damaged', 'write_failed']

/** The message key for a backup failure that has a sentence of its own (the reason), or null for the general error sentence. */
export function backupErrorKey(error: unknown): string | null {
  // An ApiError (api/client.ts, which needs a browser): a stable code and the store's details.
  if (typeof error !== 'object' || error === null || typeof (error as { code?: unknown }).code !== 'string') return null
  const { code, details } = error as { code: string; details?: { reason?: unknown; issues?: { path?: unknown }[] } }
  const reason = details?.reason
  const aboutFile = Array.isArray(details?.issues) && details.issues.some((i) => i?.path === 'file')
  if (code === 'NOT_FOUND' && aboutFile) return 'backups.restoreErrors.noFile'
  if (code === 'VALIDATION' && aboutFile) return 'backups.restoreErrors.typePath'
  if (code === 'BACKUP_INVALID' && typeof reason === 'string' && invalidReasons.includes(reason)) return `errors.BACKUP_INVALID_${reason}`
  if (code === 'BACKUP_FOLDER' && typeof reason === 'string' && folderReasons.includes(reason)) return `backups.folderErrors.${reason}`
  if (code === 'BUSY' && reason === 'restoring') return 'backups.busyRestoring'
  if (code === 'BUSY' && reason === 'backup_running') return 'backups.busyRunning'
  return null
}

/** How far a job is, 0–100: pages copied of all; the check after the copy counts as 100. */
export function jobPercent(job: Pick<BackupJobView, 'step' | 'done' | 'total'>): number {
  if (job.step === 'checking' || job.step === 'replacing' || job.step === 'finished') return 100
  if (job.total <= 0) return 0
  return Math.max(0, Math.min(100, Math.round((job.done / job.total) * 100)))
}

/** A file size as people read it: "850 KB", "12.4 MB", "1.2 GB". */
export function backupSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
  return `${(bytes / (1024 * 1024 * 1024)).toFixed(2)} GB`
}
