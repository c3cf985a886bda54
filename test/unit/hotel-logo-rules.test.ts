import { describe, expect, it } from 'vitest'
import { logoProblem, logoRefusal, maxLogoBytes } from '../../src/features/hotel-setup/hotel-setup-form'

// The logo screen's rules (issue 11, attack findings): a file too large for a logo is told so
// before anything is sent (the hub would answer a 10 MB upload with a bare "request too large"),
// and core's refusals of a damaged or badly sized image are worded beside the field.

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
const gif = new TextEncoder().encode('GIF89a..........')

describe('the logo screen, before sending', () => {
  it('tells a 10 MB photo it is too large (at most 256 KB), whatever kind it is, and sends nothing', () => {
    const tenMegabytes = 10 * 1024 * 1024
    expect(logoProblem({ size: tenMegabytes, head: png })).toEqual({ key: 'logoLarge', values: { kilobytes: 10240, max: 256 } })
    // Size first: a huge GIF is told its size, the first thing to fix.
    expect(logoProblem({ size: tenMegabytes, head: gif })).toEqual({ key: 'logoLarge', values: { kilobytes: 10240, max: 256 } })
    expect(logoProblem({ size: maxLogoBytes + 1, head: png })?.key).toBe('logoLarge')
    expect(logoProblem({ size: maxLogoBytes, head: png })).toBeNull()
    expect(logoProblem({ size: 2000, head: gif })).toEqual({ key: 'logoKind' })
  })
})

describe('core’s refusal of a logo, as the screen words it', () => {
  it('names a damaged header and a size in pixels out of range; leaves other refusals to the error’s sentence', () => {
    expect(logoRefusal({ detected: 'unreadable' })).toEqual({ key: 'logoDamaged' })
    expect(logoRefusal({ detected: 'dimensions', width: 1, height: 1, minPixels: 16, maxPixels: 4000 })).toEqual({
      key: 'logoPixels',
      values: { width: 1, height: 1, min: 16, max: 4000 },
    })
    expect(logoRefusal({ detected: 'gif' })).toBeNull()
    expect(logoRefusal(undefined)).toBeNull()
  })
})
