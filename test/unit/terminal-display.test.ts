import { create } from 'qrcode'
import { describe, expect, it } from 'vitest'
import { fingerprintRows, onlyThisMachine, portFrom, qrRuns, unlockInput } from '../../src/features/settings/terminal-display'

describe('the terminals QR code', () => {
  it('draws exactly the dark modules of the code, as horizontal runs', () => {
    const modules = create('https://192.168.1.20:4870/', { errorCorrectionLevel: 'M' }).modules
    const runs = qrRuns(modules)
    const drawn = new Set(runs.flatMap((r) => Array.from({ length: r.w }, (_, i) => `${r.y}:${r.x + i}`)))
    let dark = 0
    for (let y = 0; y < modules.size; y++) {
      for (let x = 0; x < modules.size; x++) {
        if (modules.get(y, x)) dark++
        expect(drawn.has(`${y}:${x}`), `${y}:${x}`).toBe(Boolean(modules.get(y, x)))
      }
    }
    expect(drawn.size).toBe(dark)
    expect(runs.length).toBeLessThan(dark)
  })

  it('closes a run at the end of each row', () => {
    const rows = [[1, 1], [0, 1]]
    expect(qrRuns({ size: 2, get: (y, x) => rows[y][x] })).toEqual([{ x: 0, y: 0, w: 2 }, { x: 1, y: 1, w: 1 }])
  })
})

describe('the certificate fingerprint', () => {
  it('reads in four rows of eight bytes', () => {
    const fp = Array.from({ length: 32 }, (_, i) => i.toString(16).padStart(2, '0')).join(':')
    const rows = fingerprintRows(fp)
    expect(rows).toHaveLength(4)
    expect(rows[0]).toBe('00:01:02:03:04:05:06:07')
    expect(rows[3]).toBe('18:19:1A:1B:1C:1D:1E:1F')
  })
})

describe('settings inputs', () => {
  it('unlock a lockout by its staff code, or by its address when it holds a whole address', () => {
    expect(unlockInput({ code: 'fd01', address: '192.168.1.31' })).toEqual({ code: 'fd01' })
    expect(unlockInput({ code: null, address: '192.168.1.31' })).toEqual({ address: '192.168.1.31' })
  })

  it('take a port from 1024 to 65535', () => {
    expect(portFrom(' 4870 ')).toBe(4870)
    expect(portFrom('80')).toBeNull()
    expect(portFrom('65536')).toBeNull()
    expect(portFrom('48a0')).toBeNull()
    expect(portFrom('')).toBeNull()
  })
})

describe('addresses only this machine can open', () => {
  it('are loopback ones; one LAN address is enough for terminals', () => {
    expect(onlyThisMachine(['http://127.0.0.1:4870/', 'http://localhost:4870/', 'http://[::1]:4870/'])).toBe(true)
    expect(onlyThisMachine(['https://192.168.1.20:4870/', 'https://127.0.0.1:4870/'])).toBe(false)
    expect(onlyThisMachine(['https://front-pc.hotel.lan:4870/'])).toBe(false)
  })
})
