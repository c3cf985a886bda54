import net from 'node:net'
import { parseJsonObject } from './json-object'

/**
 * Terminal mode: this PC keeps no store and shows the hotel's Zhike (another PC serving
 * department terminals) in a window pinned to that server's certificate. What it connects to is
 * a TerminalTarget, kept in userData/terminal.json as {url, fingerprint}.
 */
export interface TerminalTarget {
  /** Normalized: scheme, host, port if not the default, and "/" (e.g. https://192.168.1.20:4870/). */
  url: string
  /** https://host:port, as a page's origin is written. */
  origin: string
  /** Host name or address without IPv6 brackets, lower-case (what the certificate check sees). */
  hostname: string
  port: number
  /** SHA-256 of the server's certificate, `AB:CD:…` (32 pairs, upper case); null only for http on loopback. */
  fingerprint: string | null
}

export type AddressError = 'EMPTY' | 'INVALID' | 'SCHEME' | 'NOT_HTTPS' | 'PORT' | 'PATH'
export type FingerprintError = 'EMPTY' | 'FORMAT'

/** True for localhost, 127.0.0.0/8 and ::1: the only hosts plain http:// is accepted for. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  if (host === 'localhost') return true
  if (net.isIPv4(host)) return host.startsWith('127.')
  return host === '::1'
}

/**
 * What the person typed as the server's address: `https://host:port/`, or just `host:port`
 * (https is assumed). https only, except on this PC itself (loopback, for trying things out);
 * no path, query, fragment or credentials; port 1–65535.
 */
export function parseServerAddress(text: string): { ok: true; url: string; origin: string; hostname: string; port: number; tls: boolean } | { ok: false; error: AddressError } {
  const trimmed = text.trim()
  if (!trimmed) return { ok: false, error: 'EMPTY' }
  if (trimmed.length > 300 || /\s/.test(trimmed)) return { ok: false, error: 'INVALID' }
  // "name:" not followed by a port is a scheme (https:, http:, javascript:, file:…).
  const hasScheme = /^[a-z][a-z0-9+.-]*:(?:\/\/|(?!\d+(?:[/?#]|$)))/i.test(trimmed)
  const withScheme = hasScheme ? trimmed : `https://${trimmed}`
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(withScheme)![1].toLowerCase()
  if ((scheme !== 'https' && scheme !== 'http') || !/^[a-z]+:\/\//i.test(withScheme)) return { ok: false, error: 'SCHEME' }
  // The URL parser refuses ports over 65535 as a whole; say which part is wrong.
  const port = /^[a-z]+:\/\/(?:[^/?#@]*@)?(?:\[[^\]]*\]|[^/:?#]*):([^/?#]*)/i.exec(withScheme)?.[1]
  if (port !== undefined && (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535)) return { ok: false, error: 'PORT' }
  let parsed: URL
  try {
    parsed = new URL(withScheme)
  } catch {
    return { ok: false, error: 'INVALID' }
  }
  if (!parsed.hostname || parsed.username || parsed.password) return { ok: false, error: 'INVALID' }
  if (parsed.search || parsed.hash || withScheme.endsWith('?') || withScheme.endsWith('#')) return { ok: false, error: 'PATH' }
  if (parsed.pathname !== '/' && parsed.pathname !== '') return { ok: false, error: 'PATH' }
  const tls = parsed.protocol === 'https:'
  if (!tls && !isLoopbackHost(parsed.hostname)) return { ok: false, error: 'NOT_HTTPS' }
  return {
    ok: true,
    url: `${parsed.origin}/`,
    origin: parsed.origin,
    hostname: parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase(),
    port: parsed.port ? Number(parsed.port) : tls ? 443 : 80,
    tls,
  }
}

/**
 * A SHA-256 certificate fingerprint as people copy it: pairs separated by colons, spaces or
 * dashes, or 64 hex digits in a row, any case. Answers the one form we store and compare,
 * `AB:CD:…`, or null.
 */
export function normalizeFingerprint(text: string): string | null {
  const hex = text.trim().replace(/^sha-?256\s*(?:fingerprint)?\s*[:=]?\s*/i, '')
  if (!/^(?:[0-9a-f]{2}(?:[:\s-]?)){31}[0-9a-f]{2}$/i.test(hex)) return null
  const digits = hex.replace(/[:\s-]/g, '').toUpperCase()
  return digits.length === 64 ? digits.match(/../g)!.join(':') : null
}

/**
 * Electron gives a certificate's fingerprint as `sha256/<base64 of the digest>`; this answers
 * it in our form (`AB:CD:…`), or null for anything else (another digest, a damaged value).
 */
export function fingerprintFromElectron(value: string | null | undefined): string | null {
  const match = /^sha256\/([A-Za-z0-9+/]{43}=)$/.exec(value ?? '')
  if (!match) return null
  const bytes = Buffer.from(match[1], 'base64')
  if (bytes.length !== 32) return null
  return [...bytes].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':')
}

/** Both fields of the connect form, checked together; a fingerprint is required for https. */
export function parseConnectForm(form: { address?: string | null; fingerprint?: string | null }):
  | { ok: true; target: TerminalTarget }
  | { ok: false; errors: { address?: AddressError; fingerprint?: FingerprintError } } {
  const address = parseServerAddress(form.address ?? '')
  const fingerprintText = (form.fingerprint ?? '').trim()
  const fingerprint = fingerprintText ? normalizeFingerprint(fingerprintText) : null
  const errors: { address?: AddressError; fingerprint?: FingerprintError } = {}
  if (!address.ok) errors.address = address.error
  const needsFingerprint = !address.ok || address.tls
  if (needsFingerprint && !fingerprintText) errors.fingerprint = 'EMPTY'
  else if (needsFingerprint && !fingerprint) errors.fingerprint = 'FORMAT'
  if (!address.ok || errors.fingerprint) return { ok: false, errors }
  return {
    ok: true,
    target: { url: address.url, origin: address.origin, hostname: address.hostname, port: address.port, fingerprint: address.tls ? fingerprint : null },
  }
}

/** terminal.json's contents: what is written, and what is read back. */
export function terminalFileContents(target: TerminalTarget): string {
  return `${JSON.stringify({ url: target.url, fingerprint: target.fingerprint }, null, 2)}\n`
}

/**
 * Reads terminal.json's text. A file that does not parse, or whose address or fingerprint would
 * not pass the connect form, is damaged (null): nobody can point this PC elsewhere by editing
 * it into something the form refuses.
 */
export function parseTerminalFile(text: string): TerminalTarget | null {
  const value = parseJsonObject(text)
  if (!value) return null
  const { url, fingerprint } = value
  if (typeof url !== 'string' || (fingerprint !== null && fingerprint !== undefined && typeof fingerprint !== 'string')) return null
  const parsed = parseConnectForm({ address: url, fingerprint: fingerprint ?? '' })
  if (!parsed.ok) return null
  // The stored form only: a fingerprint written some other way was not written by us.
  if (parsed.target.fingerprint !== (fingerprint ?? null) || parsed.target.url !== url) return null
  return parsed.target
}

/**
 * Chromium's certificate check in terminal mode (session.setCertificateVerifyProc): 0 (trust)
 * only for the server's host presenting exactly the pinned certificate; -2 (refuse) for every
 * other certificate and host. The system's certificate authorities are not consulted: the hub's
 * certificate is self-signed, and the fingerprint the administrator read out is the trust.
 */
export function certificateVerdict(request: { hostname: string; fingerprint: string | null | undefined }, target: TerminalTarget): 0 | -2 {
  if (!target.fingerprint) return -2
  const hostname = request.hostname.replace(/^\[|\]$/g, '').toLowerCase()
  if (hostname !== target.hostname) return -2
  return fingerprintFromElectron(request.fingerprint) === target.fingerprint ? 0 : -2
}

/** True only for URLs on the server's origin: where the terminal window may navigate and load from. */
export function isTerminalUrl(url: string | null | undefined, target: TerminalTarget): boolean {
  if (!url) return false
  try {
    const parsed = new URL(url)
    return parsed.origin === target.origin && !parsed.username && !parsed.password
  } catch {
    return false
  }
}

/** The terminal window's requests: the server's origin, inline data: images, DevTools. */
export function isAllowedTerminalRequest(url: string, target: TerminalTarget): boolean {
  if (url.startsWith('data:') || url.startsWith('devtools:')) return true
  return isTerminalUrl(url, target)
}
