import net from 'node:net'
import os from 'node:os'

/** Host names that always mean "this machine". */
export const loopbackNames: readonly string[] = ['localhost', '127.0.0.1', '::1']

/** True for 127.0.0.0/8, ::1 and their IPv4-mapped forms (what a socket on loopback reports). */
export function isLoopbackAddress(address: string | undefined | null): boolean {
  if (!address) return false
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address
  if (net.isIPv4(plain)) return plain.startsWith('127.')
  return plain === '::1'
}

/** True when the hub is bound to loopback only (no LAN terminal can reach it). */
export function isLoopbackBind(host: string): boolean {
  return host === 'localhost' || isLoopbackAddress(host)
}

/**
 * The host name of a `Host` header, lower-cased, without port or IPv6 brackets; null when the
 * header is missing or malformed. `[::1]:4870` → `::1`, `Hub.local:443` → `hub.local`.
 */
export function hostHeaderName(header: string | undefined): string | null {
  if (!header || header.length > 255) return null
  const value = header.trim().toLowerCase()
  const bracketed = /^\[([0-9a-f:.]+)\](?::(\d{1,5}))?$/.exec(value)
  if (bracketed) return bracketed[1]
  const plain = /^([a-z0-9.-]+)(?::(\d{1,5}))?$/.exec(value)
  return plain ? plain[1].replace(/\.$/, '') : null
}

/** This machine's non-internal IPv4 and IPv6 addresses (IPv6 link-local left out). */
export function lanAddresses(): string[] {
  const found: string[] = []
  for (const list of Object.values(os.networkInterfaces())) {
    for (const info of list ?? []) {
      if (info.internal) continue
      if (info.family === 'IPv6' && info.address.toLowerCase().startsWith('fe80')) continue
      found.push(info.address)
    }
  }
  return found
}

/**
 * The host names a hub bound to `bindHost` answers to: loopback always; the bound address; for a
 * wildcard bind (0.0.0.0 or ::) every LAN address; this machine's name and `name.local`; and any
 * names the hotel adds (its DNS name for the PC). Lower-case, no ports.
 */
export function servedHostNames(bindHost: string, extra: readonly string[] = [], addresses: readonly string[] = lanAddresses()): string[] {
  const names = new Set<string>(loopbackNames)
  const wildcard = bindHost === '0.0.0.0' || bindHost === '::'
  if (!wildcard) names.add(bindHost.toLowerCase())
  if (wildcard || !isLoopbackBind(bindHost)) {
    if (wildcard) for (const a of addresses) names.add(a.toLowerCase())
    const machine = os.hostname().toLowerCase()
    names.add(machine)
    names.add(`${machine}.local`)
  }
  for (const n of extra) names.add(n.toLowerCase().replace(/\.$/, ''))
  return [...names]
}

/**
 * Addresses a terminal can open: LAN addresses first, then loopback when the bind includes it
 * (a hub bound to one LAN address cannot be reached on 127.0.0.1).
 */
export function hubUrls(bindHost: string, port: number, tls: boolean, addresses: readonly string[] = lanAddresses()): string[] {
  const scheme = tls ? 'https' : 'http'
  const format = (host: string) => `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}/`
  const wildcard = bindHost === '0.0.0.0' || bindHost === '::'
  const lan = wildcard ? addresses.filter((a) => net.isIPv4(a)) : isLoopbackBind(bindHost) ? [] : [bindHost]
  const loopback = isLoopbackBind(bindHost) ? [bindHost] : wildcard ? ['127.0.0.1'] : []
  return [...lan, ...loopback].map(format)
}
