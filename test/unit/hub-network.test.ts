import os from 'node:os'
import { describe, expect, it } from 'vitest'
import { HubCommandError, parseHubCommand } from '../../electron/hub/hub-options'
import { hostHeaderName, hubUrls, isLoopbackAddress, isLoopbackBind, servedHostNames } from '../../electron/hub/network'

const lan = ['192.168.1.20', 'fd00::20', '10.0.0.5']

describe('isLoopbackAddress', () => {
  it('takes this machine’s own socket addresses as loopback', () => {
    for (const a of ['127.0.0.1', '127.5.6.7', '127.255.255.254', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(a), a).toBe(true)
  })

  it('takes LAN, public and missing addresses as not loopback', () => {
    for (const a of ['10.0.0.1', '192.168.1.20', '::ffff:10.0.0.1', '0.0.0.0', '::', 'fd00::1', '128.0.0.1', 'localhost', '127.example.com', '', undefined, null]) {
      expect(isLoopbackAddress(a), String(a)).toBe(false)
    }
  })

  it('treats a bind to localhost as loopback-only, and 0.0.0.0 as not', () => {
    expect(isLoopbackBind('localhost')).toBe(true)
    expect(isLoopbackBind('127.0.0.1')).toBe(true)
    expect(isLoopbackBind('0.0.0.0')).toBe(false)
    expect(isLoopbackBind('::')).toBe(false)
  })
})

describe('hostHeaderName', () => {
  it('drops the port and lower-cases the name', () => {
    expect(hostHeaderName('localhost:4870')).toBe('localhost')
    expect(hostHeaderName('Hub.Local:443')).toBe('hub.local')
    expect(hostHeaderName('HUB.EXAMPLE.COM')).toBe('hub.example.com')
    expect(hostHeaderName('192.168.1.20:4870')).toBe('192.168.1.20')
    expect(hostHeaderName('  hub.local  ')).toBe('hub.local')
  })

  it('unwraps bracketed IPv6, with or without a port', () => {
    expect(hostHeaderName('[::1]:4870')).toBe('::1')
    expect(hostHeaderName('[::1]')).toBe('::1')
    expect(hostHeaderName('[FD00::20]:443')).toBe('fd00::20')
  })

  it('drops a trailing dot (the fully qualified form of the same name)', () => {
    expect(hostHeaderName('hub.example.com.')).toBe('hub.example.com')
    expect(hostHeaderName('Hub.Example.com.:4870')).toBe('hub.example.com')
  })

  it('refuses missing, malformed and over-long headers', () => {
    for (const h of [undefined, '', 'a b', 'evil.com@x', 'user@hub.local', 'hub.local:', 'hub.local:123456', 'hub.local:port', 'hub/local', '::1', '[::1', '[not-ip]:4870', 'hub.local:80:80']) {
      expect(hostHeaderName(h), String(h)).toBeNull()
    }
    expect(hostHeaderName(`${'a'.repeat(252)}.com`)).toBeNull() // 256 characters
    expect(hostHeaderName('a'.repeat(255))).toBe('a'.repeat(255))
  })
})

describe('servedHostNames', () => {
  const machine = os.hostname().toLowerCase()

  it('answers only to loopback names when bound to loopback', () => {
    expect(servedHostNames('127.0.0.1', [], lan).sort()).toEqual(['127.0.0.1', '::1', 'localhost'])
  })

  it('answers to every LAN address and the machine name on a wildcard bind', () => {
    const names = servedHostNames('0.0.0.0', [], lan)
    expect(names).toEqual(expect.arrayContaining(['localhost', '127.0.0.1', '::1', ...lan, machine, `${machine}.local`]))
    expect(names).not.toContain('0.0.0.0')
    expect(servedHostNames('::', [], lan)).toEqual(expect.arrayContaining(lan))
    expect(servedHostNames('::', [], lan)).not.toContain('::')
  })

  it('answers to the bound LAN address but not to the machine’s other addresses', () => {
    const names = servedHostNames('192.168.1.20', [], lan)
    expect(names).toEqual(expect.arrayContaining(['localhost', '127.0.0.1', '::1', '192.168.1.20', machine, `${machine}.local`]))
    expect(names).not.toContain('10.0.0.5')
    expect(names).not.toContain('fd00::20')
  })

  it('adds the hotel’s names lower-cased, without duplicates', () => {
    const names = servedHostNames('0.0.0.0', ['Front.Hotel.Example', 'LOCALHOST'], lan)
    expect(names).toContain('front.hotel.example')
    expect(names.filter((n) => n === 'localhost')).toHaveLength(1)
    expect(names.every((n) => n === n.toLowerCase())).toBe(true)
  })

  it('matches a hotel name given in fully qualified form (trailing dot) against the Host header', () => {
    // --host-name accepts "hub.hotel.example."; terminals then send Host: hub.hotel.example. which
    // hostHeaderName reads as "hub.hotel.example", so the served list must hold that form.
    const names = servedHostNames('0.0.0.0', ['hub.hotel.example.'], lan)
    expect(names).toContain(hostHeaderName('hub.hotel.example.:4870'))
  })
})

describe('hubUrls', () => {
  it('lists IPv4 LAN addresses first and loopback last on a wildcard bind', () => {
    expect(hubUrls('0.0.0.0', 4870, true, lan)).toEqual(['https://192.168.1.20:4870/', 'https://10.0.0.5:4870/', 'https://127.0.0.1:4870/'])
    expect(hubUrls('::', 8443, false, lan)).toEqual(['http://192.168.1.20:8443/', 'http://10.0.0.5:8443/', 'http://127.0.0.1:8443/'])
  })

  it('gives only the loopback address when bound to loopback', () => {
    expect(hubUrls('127.0.0.1', 4870, false, lan)).toEqual(['http://127.0.0.1:4870/'])
    expect(hubUrls('localhost', 4870, false, lan)).toEqual(['http://localhost:4870/'])
  })

  it('brackets IPv6 hosts', () => {
    expect(hubUrls('::1', 4870, false, lan)).toEqual(['http://[::1]:4870/'])
    expect(hubUrls('fd00::20', 4870, true, lan)[0]).toBe('https://[fd00::20]:4870/')
  })

  it('lists only addresses the hub can be reached on when bound to one LAN address', () => {
    // A socket bound to 192.168.1.20 refuses connections to 127.0.0.1, so a 127.0.0.1 URL
    // (which the CLI prints as "set it up from this machine") would not open.
    expect(hubUrls('192.168.1.20', 4870, true, lan)).toEqual(['https://192.168.1.20:4870/'])
  })
})

describe('parseHubCommand', () => {
  const refused = (argv: string[]) => {
    try {
      parseHubCommand(argv)
    } catch (error) {
      expect(error).toBeInstanceOf(HubCommandError)
      return (error as Error).message
    }
    throw new Error(`accepted: ${argv.join(' ')}`)
  }

  it('defaults to plain HTTP on 127.0.0.1:4870', () => {
    expect(parseHubCommand([])).toEqual({
      dataDir: undefined,
      demo: false,
      port: 4870,
      host: '127.0.0.1',
      tls: { kind: 'none', insecureOnNetwork: false },
      hostNames: [],
    })
  })

  it('takes the port from ZHIKE_PORT unless --port is given', () => {
    expect(parseHubCommand([], { ZHIKE_PORT: '5000' }).port).toBe(5000)
    expect(parseHubCommand(['--port', '6000'], { ZHIKE_PORT: '5000' }).port).toBe(6000)
  })

  it('refuses a network bind without TLS, naming both ways out', () => {
    const message = refused(['--host', '0.0.0.0'])
    expect(message).toContain('--tls self-signed')
    expect(message).toContain('--insecure-http')
    refused(['--host', '192.168.1.20'])
    refused(['--host', '::'])
  })

  it('accepts --insecure-http on the network and flags it', () => {
    const command = parseHubCommand(['--host', '0.0.0.0', '--insecure-http'])
    expect(command.tls).toEqual({ kind: 'none', insecureOnNetwork: true })
  })

  it('accepts --tls self-signed and the hotel’s certificate files', () => {
    expect(parseHubCommand(['--host', '0.0.0.0', '--tls', 'self-signed']).tls).toEqual({ kind: 'self-signed' })
    expect(parseHubCommand(['--host', '0.0.0.0', '--tls-cert', 'c.pem', '--tls-key', 'k.pem']).tls).toEqual({ kind: 'files', certFile: 'c.pem', keyFile: 'k.pem' })
  })

  it('refuses half or contradictory TLS options', () => {
    expect(refused(['--host', '0.0.0.0', '--tls-cert', 'c.pem'])).toContain('--tls-key')
    expect(refused(['--host', '0.0.0.0', '--tls-key', 'k.pem'])).toContain('--tls-cert')
    expect(refused(['--host', '0.0.0.0', '--tls', 'foo'])).toContain('self-signed')
    refused(['--host', '0.0.0.0', '--tls', 'self-signed', '--tls-cert', 'c.pem', '--tls-key', 'k.pem'])
    refused(['--host', '0.0.0.0', '--tls', 'self-signed', '--insecure-http'])
  })

  it('refuses ports outside 1–65535 and non-numbers', () => {
    for (const p of ['0', '65536', '12ab', '-1', '', '1e3', '4870.5', ' 80']) refused([`--port=${p}`])
    refused(['--port', '-1'])
  })

  it('accepts the edge ports', () => {
    expect(parseHubCommand(['--port', '1']).port).toBe(1)
    expect(parseHubCommand(['--port', '65535']).port).toBe(65535)
  })

  it('collects repeated --host-name and refuses names that are not DNS names', () => {
    expect(parseHubCommand(['--host-name', 'hub.hotel.example', '--host-name', 'front-desk']).hostNames).toEqual(['hub.hotel.example', 'front-desk'])
    for (const n of ['evil.com@x', 'a b', 'hub/x', '', 'x'.repeat(254)]) expect(refused(['--host-name', n])).toContain('--host-name')
  })

  it('refuses a malformed --host and unknown options', () => {
    refused(['--host', 'a b'])
    refused(['--host', 'evil.com@x'])
    refused(['--bogus'])
    refused(['stray-positional'])
  })

  it('never needs TLS on loopback', () => {
    for (const host of ['127.0.0.1', '127.0.0.2', 'localhost', '::1']) {
      expect(parseHubCommand(['--host', host]).tls, host).toEqual({ kind: 'none', insecureOnNetwork: false })
    }
    expect(parseHubCommand(['--host', '127.0.0.1', '--insecure-http']).tls).toEqual({ kind: 'none', insecureOnNetwork: false })
  })
})
