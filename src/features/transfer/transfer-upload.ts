import { ApiError } from '../../api/client'
import type { ErrorCode } from '../../../electron/core/errors'

/**
 * Sends a transfer file to the hub as a raw body (`PUT /api/uploads/transfer`; a large file does
 * not fit the 1 MB JSON body of an operation), reporting bytes sent; answers the upload's id.
 * XMLHttpRequest, because fetch cannot report upload progress.
 */
export function uploadTransferFile(file: File, onProgress: (sent: number, total: number) => void, signal?: AbortSignal): Promise<{ uploadId: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('PUT', '/api/uploads/transfer')
    xhr.setRequestHeader('content-type', 'application/octet-stream')
    xhr.withCredentials = true
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size)
    xhr.onerror = () => reject(new ApiError('NETWORK', 'The hub cannot be reached.'))
    xhr.onabort = () => reject(new ApiError('NETWORK', 'The upload was stopped.'))
    xhr.onload = () => {
      let body: { ok: boolean; value?: { uploadId: string; bytes: number }; error?: { code: ErrorCode; message: string; details?: Record<string, unknown> } }
      try {
        body = JSON.parse(xhr.responseText)
      } catch {
        reject(new ApiError('INTERNAL', `The hub answered ${xhr.status}.`))
        return
      }
      if (body.ok && body.value) resolve(body.value)
      else reject(new ApiError(body.error?.code ?? 'INTERNAL', body.error?.message ?? '', body.error?.details))
    }
    signal?.addEventListener('abort', () => xhr.abort())
    xhr.send(file)
  })
}
