import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import selfsigned from 'selfsigned'

/** A key and certificate (PEM) the hub serves HTTPS with, and the certificate's fingerprint. */
export interface HubCertificate {
  key: string
  cert: string
  /** SHA-256 of the DER certificate, colon-separated upper-case hex (what browsers show). */
  fingerprint: string
  /** ISO date the certificate stops being valid. */
  validTo: string
}

export class CertificateError extends Error {}

/** SHA-256 fingerprint of a PEM certificate, `AB:CD:…` (32 pairs). Throws CertificateError on garbage. */
export function certificateFingerprint(certPem: string): string {
  try {
    return new crypto.X509Certificate(certPem).fingerprint256
  } catch {
    throw new CertificateError('This is not a PEM certificate.')
  }
}

/**
 * Reads the hotel's own certificate and key (PEM files), checking that they belong together and
 * that the certificate is in date. Errors say which file to fix.
 */
export function readHotelCertificate(certFile: string, keyFile: string, now = new Date()): HubCertificate {
  const read = (file: string, what: string) => {
    try {
      return fs.readFileSync(file, 'utf8')
    } catch (error) {
      throw new CertificateError(`cannot read the ${what} file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
    }
  }
  const cert = read(certFile, 'certificate')
  const key = read(keyFile, 'key')
  let x509: crypto.X509Certificate
  try {
    x509 = new crypto.X509Certificate(cert)
  } catch {
    throw new CertificateError(`${certFile} is not a PEM certificate (it should begin with -----BEGIN CERTIFICATE-----).`)
  }
  let privateKey: crypto.KeyObject
  try {
    privateKey = crypto.createPrivateKey(key)
  } catch {
    throw new CertificateError(`${keyFile} is not a PEM private key, or it is protected by a passphrase (Zhike needs it unencrypted, readable by its owner only).`)
  }
  if (!x509.checkPrivateKey(privateKey)) throw new CertificateError(`${keyFile} is not the key of the certificate in ${certFile}.`)
  if (new Date(x509.validTo) < now) throw new CertificateError(`the certificate in ${certFile} expired on ${x509.validTo}.`)
  return { key, cert, fingerprint: x509.fingerprint256, validTo: new Date(x509.validTo).toISOString() }
}

/**
 * The hub's self-signed certificate, generated once into `<dataDir>/tls/` (key readable by its
 * owner only) and reused on every start, so terminals that checked its fingerprint keep trusting
 * it. Generated again only when missing, damaged, or within 30 days of expiry (valid 5 years).
 * `names` are the host names and addresses put in the certificate (subjectAltName).
 */
export async function loadOrCreateSelfSigned(dataDir: string, names: readonly string[]): Promise<HubCertificate & { created: boolean }> {
  const folder = path.join(dataDir, 'tls')
  const certFile = path.join(folder, 'hub-cert.pem')
  const keyFile = path.join(folder, 'hub-key.pem')
  if (fs.existsSync(certFile) && fs.existsSync(keyFile)) {
    try {
      const existing = readHotelCertificate(certFile, keyFile, new Date(Date.now() + 30 * 86_400_000))
      return { ...existing, created: false }
    } catch {
      // damaged or about to expire: make a new one below
    }
  }
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 })
  fs.chmodSync(folder, 0o700)
  const notBeforeDate = new Date(Date.now() - 86_400_000)
  const notAfterDate = new Date(notBeforeDate.getTime() + 5 * 365 * 86_400_000)
  const altNames = names.map((name) => (/^[\d.]+$/.test(name) || name.includes(':') ? { type: 7 as const, ip: name } : { type: 2 as const, value: name }))
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'Zhike hub' }, { name: 'organizationName', value: 'Zhike' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ],
  })
  fs.writeFileSync(keyFile, pems.private, { mode: 0o600 })
  fs.chmodSync(keyFile, 0o600)
  fs.writeFileSync(certFile, pems.cert, { mode: 0o644 })
  return { key: pems.private, cert: pems.cert, fingerprint: certificateFingerprint(pems.cert), validTo: notAfterDate.toISOString(), created: true }
}
