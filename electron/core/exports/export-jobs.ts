import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { recordAudit } from '../audit/audit.repository'
import type { Actor } from '../context'
import type { Sqlite } from '../db/query'
import { afterCommit, inTransaction } from '../db/transaction'
import { AppError, type ErrorBody } from '../errors'
import { contentTypeOf, downloadNameOf, extensionOf } from './export-kinds'
import { exportsFolderOf, exportWorkerEntry, failureSentence, type ExportFailureCause, type WorkerEntry } from './export-files'
import type { ExportWorkerData, ExportWorkerMessage } from './export-worker'
import type { ExportKind, ExportRequest } from './export-writers'

export type ExportJobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled'

/** What `export.status` and `export.list` answer about one job. */
export interface ExportJobView {
  jobId: string
  kind: string
  state: ExportJobState
  /** Progress in the writer's unit (guests): `done` of `total` (0: not known yet). */
  done: number
  total: number
  /** Guests in the finished file (null until done). */
  guests: number | null
  /** The file's size in bytes (null until done). */
  bytes: number | null
  /** The name the file downloads as ('guest-list-2026-12-01.csv'). */
  fileName: string
  /** Where a finished file is downloaded from (hub: GET with the session cookie); null until done. */
  downloadPath: string | null
  /** Why it failed: EXPORT_FAILED with `details.context` naming the cause. */
  error: ErrorBody | null
  /** The writer's facts (a contact list's left-out counts…). */
  details: Record<string, unknown> | null
  params: Record<string, unknown>
  startedBy: { staffId: number; name: string }
  /** ISO 8601 UTC. */
  startedAt: string
  finishedAt: string | null
}

interface Job extends ExportJobView {
  file: string
  partFile: string
  request: ExportRequest
  cancelFlag: Int32Array
  worker: Worker | null
}

/** How many exports run at once (the machine may have two cores); more wait, queued. */
const maxRunning = 2
/** Jobs remembered per store (in memory: a restart forgets the list, the files stay in the folder). */
const keptJobs = 200

/** Everything a store's export jobs need from the core that runs them. */
export interface ExportHost {
  sqlite: Sqlite
  clock: { now(): Date }
  /** The better-sqlite3 build the core opened the store with (Electron's ABI), if not the default. */
  nativeBinding?: string
  /** Where the worker's entry is; defaults to `exportWorkerEntry` for this module. */
  workerEntry?: () => WorkerEntry
}

const moduleFile = fileURLToPath(import.meta.url)

/**
 * A store's export jobs: each runs in a worker thread (export-worker.ts) that opens the store
 * read-only and writes `<name>.part`, fsyncs and renames it into `<data folder>/exports/`.
 * The main thread keeps the job table, passes cancels (a shared flag), and writes the audit row
 * when a file is finished.
 */
export class ExportJobs {
  private readonly jobs = new Map<string, Job>()
  readonly folder: string | null
  /** Set by closeNow: the store's connection is gone, nothing more is audited or started. */
  private closed = false

  constructor(private readonly host: ExportHost) {
    this.folder = exportsFolderOf(host.sqlite.name)
  }

  /** Starts (or queues) an export for `actor`; the parameters are already checked. */
  start(actor: Actor, kind: ExportKind, params: Record<string, unknown>, businessDate: string): ExportJobView {
    if (!this.folder) throw new AppError('EXPORT_FAILED', failureSentence('no_folder', null), { context: 'no_folder' })
    const jobId = randomUUID()
    const startedAt = this.host.clock.now().toISOString()
    const stamp = startedAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, '').replace('T', '-')
    const file = path.join(this.folder, `${kind.slice(0, kind.lastIndexOf('.'))}-${stamp}-${jobId.slice(0, 8)}.${extensionOf(kind)}`)
    const job: Job = {
      jobId,
      kind,
      state: 'queued',
      done: 0,
      total: 0,
      guests: null,
      bytes: null,
      fileName: downloadNameOf(kind, params, businessDate),
      downloadPath: null,
      error: null,
      details: null,
      params,
      startedBy: { staffId: actor.staffId, name: actor.name },
      startedAt,
      finishedAt: null,
      file,
      partFile: `${file}.part`,
      request: { kind, params, requestedBy: { staffId: actor.staffId, role: actor.role }, startedAt, businessDate },
      cancelFlag: new Int32Array(new SharedArrayBuffer(4)),
      worker: null,
    }
    this.jobs.set(jobId, job)
    this.forgetOld()
    // Started once the calling operation has committed (at once when there is no transaction).
    afterCommit(this.host.sqlite, () => this.pump())
    return view(job)
  }

  /** One job, for the staff member who started it or an administrator (NOT_FOUND otherwise). */
  status(actor: Actor, jobId: string): ExportJobView {
    return view(this.owned(actor, jobId))
  }

  /** Cancels a queued or running job; a finished one is answered as it is. */
  cancel(actor: Actor, jobId: string): ExportJobView {
    const job = this.owned(actor, jobId)
    if (job.state === 'queued') this.finish(job, 'cancelled')
    else if (job.state === 'running') {
      Atomics.store(job.cancelFlag, 0, 1)
    }
    return view(job)
  }

  /** The caller's recent jobs (an administrator's list holds everyone's), newest first, at most `limit`. */
  list(actor: Actor, limit = 20): ExportJobView[] {
    return [...this.jobs.values()]
      .filter((j) => j.startedBy.staffId === actor.staffId || actor.role === 'admin')
      .reverse()
      .slice(0, limit)
      .map(view)
  }

  /** A finished job's file for download: its path, the name to give it and its content type. */
  file(actor: Actor, jobId: string): { path: string; fileName: string; contentType: string; bytes: number } {
    const job = this.owned(actor, jobId)
    if (job.state !== 'done' || !fs.existsSync(job.file)) throw new AppError('NOT_FOUND', 'That export has no finished file (not done yet, failed, or removed).')
    return { path: job.file, fileName: job.fileName, contentType: contentTypeOf(job.kind), bytes: job.bytes ?? 0 }
  }

  /** Resolves when no job is queued or running (tests, shutdown). */
  async settled(): Promise<void> {
    while ([...this.jobs.values()].some((j) => j.state === 'queued' || j.state === 'running')) await new Promise((r) => setTimeout(r, 20))
  }

  /**
   * The store is closing now (synchronous, before its connection closes): queued jobs are
   * cancelled, running workers told to stop and terminated, their partial files removed. A worker
   * that still finishes afterwards has its file removed too: it could not be written to the audit
   * log, so it is not kept.
   */
  closeNow(): void {
    this.closed = true
    for (const job of this.jobs.values()) {
      if (job.state === 'queued') this.finish(job, 'cancelled')
      if (job.state !== 'running') continue
      Atomics.store(job.cancelFlag, 0, 1)
      void job.worker?.terminate()
      this.finish(job, 'cancelled')
    }
  }

  /** Cancels every job and stops the workers (the core is closing). */
  async stopAll(): Promise<void> {
    for (const job of this.jobs.values()) {
      if (job.state === 'queued') this.finish(job, 'cancelled')
      if (job.state === 'running') Atomics.store(job.cancelFlag, 0, 1)
    }
    await this.settled()
  }

  private owned(actor: Actor, jobId: string): Job {
    const job = this.jobs.get(jobId)
    if (!job || (job.startedBy.staffId !== actor.staffId && actor.role !== 'admin')) {
      throw new AppError('NOT_FOUND', 'There is no such export of yours.', { jobId })
    }
    return job
  }

  private forgetOld(): void {
    for (const [id, job] of this.jobs) {
      if (this.jobs.size <= keptJobs) break
      if (job.state !== 'queued' && job.state !== 'running') this.jobs.delete(id)
    }
  }

  private pump(): void {
    if (this.closed) return
    const running = [...this.jobs.values()].filter((j) => j.state === 'running').length
    if (running >= maxRunning) return
    const next = [...this.jobs.values()].find((j) => j.state === 'queued')
    if (!next) return
    this.run(next)
    this.pump()
  }

  private run(job: Job): void {
    job.state = 'running'
    const entry = this.host.workerEntry?.() ?? exportWorkerEntry(moduleFile, fs.existsSync)
    const data: ExportWorkerData = {
      storeFile: this.host.sqlite.name,
      ...(this.host.nativeBinding ? { nativeBinding: this.host.nativeBinding } : {}),
      folder: this.folder ?? '',
      partFile: job.partFile,
      finalFile: job.file,
      request: job.request,
      cancel: job.cancelFlag.buffer as SharedArrayBuffer,
    }
    let worker: Worker
    try {
      worker = entry.script ? new Worker(entry.script, { eval: true, workerData: data }) : new Worker(entry.file, { workerData: data })
    } catch (error) {
      this.fail(job, 'write_failed', error instanceof Error ? error.message : String(error))
      return
    }
    job.worker = worker
    worker.unref()
    worker.on('message', (message: ExportWorkerMessage) => {
      if (this.closed) {
        removeQuietly(job.partFile)
        if (message.type === 'done') removeQuietly(job.file)
        return
      }
      if (message.type === 'progress') {
        job.done = message.done
        job.total = message.total
      } else if (message.type === 'done') {
        job.guests = message.guests
        job.done = message.guests
        job.total = Math.max(job.total, message.guests)
        job.bytes = message.bytes
        job.details = message.details ?? null
        job.downloadPath = `/api/exports/${job.jobId}/file`
        this.audit(job)
        this.finish(job, 'done')
      } else if (message.type === 'cancelled') this.finish(job, 'cancelled')
      else this.fail(job, message.cause, message.message)
    })
    worker.on('error', (error) => this.fail(job, 'write_failed', error.message))
    worker.on('exit', (code) => {
      job.worker = null
      if (this.closed) return removeQuietly(job.partFile)
      if (job.state === 'running') this.fail(job, 'write_failed', `The export worker stopped (exit code ${code}).`)
      this.pump()
    })
  }

  private fail(job: Job, cause: ExportFailureCause, reason: string): void {
    if (job.state !== 'running' && job.state !== 'queued') return
    removeQuietly(job.partFile)
    if (Atomics.load(job.cancelFlag, 0) === 1) return this.finish(job, 'cancelled')
    job.error = { code: 'EXPORT_FAILED', message: failureSentence(cause, this.folder), details: { context: cause, folder: this.folder, reason } }
    this.finish(job, 'failed')
  }

  private finish(job: Job, state: 'done' | 'failed' | 'cancelled'): void {
    if (job.state !== 'running' && job.state !== 'queued') return
    job.state = state
    job.finishedAt = this.host.clock.now().toISOString()
    if (state === 'cancelled') removeQuietly(job.partFile)
  }

  /** Every finished export is in the audit log: who, what, with which filters, how many guests. */
  private audit(job: Job): void {
    try {
      inTransaction(this.host.sqlite, () =>
        recordAudit(this.host.sqlite, {
          at: this.host.clock.now().toISOString(),
          staffId: job.startedBy.staffId,
          action: 'export',
          entity: 'export',
          detail: { kind: job.kind, jobId: job.jobId, fileName: job.fileName, params: job.params, guests: job.guests, bytes: job.bytes, details: job.details },
        }),
      )
    } catch (error) {
      // The file is written; an audit row lost to a busy store is logged, never silently.
      console.error('[exports] could not write the audit row of export', job.jobId, error)
    }
  }
}

/** Removes a partial file if it is there; a folder that is not one has none to remove. */
function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true })
  } catch {
    // nothing there to remove (ENOTDIR: the exports "folder" is a file)
  }
}

function view(job: Job): ExportJobView {
  const { file: _file, partFile: _part, request: _request, cancelFlag: _flag, worker: _worker, ...rest } = job
  return { ...rest, params: job.params }
}

const registry = new WeakMap<Sqlite, ExportJobs>()

/** The export jobs of a store (one table per open connection), created on first use. */
export function exportJobsOf(host: ExportHost): ExportJobs {
  let jobs = registry.get(host.sqlite)
  if (!jobs) {
    jobs = new ExportJobs(host)
    registry.set(host.sqlite, jobs)
  }
  return jobs
}

/** The export jobs of a store if any were started (the hub's download route). */
export function existingExportJobs(sqlite: Sqlite): ExportJobs | null {
  return registry.get(sqlite) ?? null
}
