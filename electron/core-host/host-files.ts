import fs from 'node:fs'
import path from 'node:path'
import type { Actor } from '../core/context'
import type { Core, Result } from '../core/core'
import { AppError, toErrorBody } from '../core/errors'
import { existingExportJobs } from '../core/exports/export-jobs'
import { roleAllows } from '../core/staff/roles'
import { registerUpload } from '../core/transfer/uploads'
import type { HostFileRequest } from './protocol'

/**
 * Answers main's file requests for a window's signed-in person (`actor`, null: nobody):
 * - `exportFile`: a finished export of theirs (an administrator: anyone's), as the hub's download
 *   route gives it: `{ file, fileName }`; NOT_FOUND for another's or an unfinished one.
 * - `registerUpload`: a full-export file chosen in main's open dialog becomes an upload for
 *   `transfer.check` / `transfer.import`: `{ uploadId, fileName, bytes }`. Administrators only
 *   (`store.transfer`), as the hub's upload route; NOT_FOUND when the file is not there.
 */
export function answerHostFile(core: Core, actor: Actor | null, request: HostFileRequest): Result {
  try {
    if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in first.')
    if (request.kind === 'exportFile') {
      const jobs = existingExportJobs(core.sqlite)
      if (!jobs) throw new AppError('NOT_FOUND', 'There is no such export of yours, or it has no finished file.')
      const file = jobs.file(actor, request.jobId)
      return { ok: true, value: { file: file.path, fileName: file.fileName } }
    }
    if (!roleAllows(actor.role, 'store.transfer')) throw new AppError('FORBIDDEN', 'Only an administrator imports a full export.')
    const stat = fs.statSync(request.path, { throwIfNoEntry: false })
    if (!stat?.isFile()) throw new AppError('NOT_FOUND', 'That file is not there any more. Choose it again.')
    return { ok: true, value: { uploadId: registerUpload(request.path), fileName: path.basename(request.path), bytes: stat.size } }
  } catch (error) {
    return { ok: false, error: toErrorBody(error) }
  }
}
