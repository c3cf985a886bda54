import type { FastifyInstance } from 'fastify'
import type { Core } from '../core/core'
import { hubUrls, servedHostNames } from './network'
import { createHub } from './server'
import { loadOrCreateSelfSigned, readHotelCertificate } from './tls'

export interface StartHubOptions {
  core: Core
  rendererDir: string
  /** The data folder; the self-signed certificate is kept in `<dataDir>/tls/`. */
  dataDir: string
  host: string
  port: number
  tls: { kind: 'files'; certFile: string; keyFile: string } | { kind: 'self-signed' } | { kind: 'none' }
  /** Extra DNS names terminals use for this PC. */
  hostNames?: readonly string[]
  log?: (line: string) => void
}

export interface RunningHub {
  app: FastifyInstance
  /** Addresses a terminal can open, LAN first. */
  urls: string[]
  /** SHA-256 of the certificate (colon-separated hex), null over plain HTTP. */
  fingerprint: string | null
  /** True when the self-signed certificate was made on this start. */
  certificateCreated: boolean
}

/**
 * Starts the hub on `host:port`: picks the certificate (the hotel's files, or the self-signed
 * one kept in the data folder), the host names it answers to, and listens. Shared by
 * `npm run serve` and the desktop app's "Serve department terminals". Rejects with the listen
 * error (EADDRINUSE…) or a CertificateError.
 */
export async function startHub(options: StartHubOptions): Promise<RunningHub> {
  const names = servedHostNames(options.host, options.hostNames)
  const certificate =
    options.tls.kind === 'files'
      ? { ...readHotelCertificate(options.tls.certFile, options.tls.keyFile), created: false }
      : options.tls.kind === 'self-signed'
        ? await loadOrCreateSelfSigned(options.dataDir, names)
        : null
  const app = await createHub({
    core: options.core,
    rendererDir: options.rendererDir,
    log: options.log,
    tls: certificate ? { key: certificate.key, cert: certificate.cert } : undefined,
    hostNames: names,
  })
  try {
    await app.listen({ host: options.host, port: options.port })
  } catch (error) {
    await app.close()
    throw error
  }
  return {
    app,
    urls: hubUrls(options.host, options.port, certificate !== null),
    fingerprint: certificate?.fingerprint ?? null,
    certificateCreated: certificate?.created ?? false,
  }
}
