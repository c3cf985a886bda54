import { fileURLToPath } from 'node:url'
import zlib from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Actor } from '../../electron/core/context'
import { readDemoData } from '../../electron/core/demo/demo-data'
import { loadDemoHotel } from '../../electron/core/demo/demo-loader'
import { maxBodyBytes } from '../../electron/hub/server'
import { failure, ok, seedSmallHotel, tempStore, type SmallHotel } from '../fixtures/test-store'

// Issue 11: a manager sets up a real hotel — its name, logo and departments — through the same
// operations the first start and the demo loader use. Real SQLite, real operations.

/** A real PNG of `width` × `height` pixels (grey, filter byte 0 per row), built with zlib as encoders do. */
function pngOf(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(zlib.crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 0 // greyscale
  const pixels = Buffer.alloc((width + 1) * height, 0x80)
  for (let row = 0; row < height; row++) pixels[row * (width + 1)] = 0
  return Buffer.concat([pngSignature, chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))])
}
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
/** A real 32×32 PNG, a real 16×16 JPEG (baseline, JFIF), a GIF, and a text file named .png. */
const logoPng = pngOf(32, 32)
const logoBase64 = logoPng.toString('base64')
const jpegBytes = Buffer.from(
  '/9j/4AAQSkZJRgABAQEAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/2wBDAQMDAwQDBAgEBAgQCwkLEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBD/wAARCAAQABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAABwQF/8QAJBAAAQQBBAICAwAAAAAAAAAAAQIDBAYFBwgSExEiABQJMTL/xAAVAQEBAAAAAAAAAAAAAAAAAAAABv/EACMRAAECBQMFAAAAAAAAAAAAAAECEQMEBQYhABIxFRZhgeH/2gAMAwEAAhEDEQA/ABSm0mobc8HmExLUlRzzEWPkJWW+ulrsaUVAseUgslSlH9LKuPryIKuWPZdskzXmm3fX5m2nF4GlVxx/HOpx4ks51+MiU/Iaad7UcUo4tILoS4kqcWkezS0hO/HvuRp0rO6hWnWO1UisZVuFi4GFeyEpmGepa5S5SWVPuciFKRFLgSrwetnyPIB+Vb4N9mKhQMzo5po9XLdDs9d6ZVix2VEhiL9kuNPxw2gEKcDQ/rs8AuA8VAe0vdl7VOYn+27flGAUgmITjbhSmCg3BYlyeWDkMolvw4KOp1KM6iCNvngZHwetf//Z',
  'base64',
)
const gif1x1 = 'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'
const textAsPng = Buffer.from('This is a menu, not a logo.\n').toString('base64')
/** A real PNG followed by 300 KB: too large, though a real PNG by its header. */
const oversizedPng = Buffer.concat([logoPng, Buffer.alloc(300 * 1024, 1)]).toString('base64')

let store: ReturnType<typeof tempStore>
let hotel: SmallHotel
let manager: Actor
const call = (actor: Actor | null, name: string, input: unknown = {}) => store.core.callAs(actor, name, input)
const profile = () => ok<{ name: { en: string; zh: string }; phoneCountry: string; logo: { mime: string; base64: string } | null }>(call(hotel.desk, 'hotel.profile'))
const departments = () => ok<{ code: string; name: { en: string; zh: string }; promiseMinutes: number; ackMinutes: number; parentCode: string | null }[]>(call(hotel.desk, 'department.list'))
const department = (code: string) => departments().find((d) => d.code === code)

beforeEach(() => {
  store = tempStore()
  hotel = seedSmallHotel(store.core)
  ok(call(hotel.admin, 'staff.create', { code: 'mg01', name: 'Manager', department: 'front_office', role: 'manager', pin: '123456' }))
  manager = ok(call(null, 'session.signIn', { code: 'mg01', pin: '123456' })).staff
})
afterEach(() => store.cleanup())

describe('the hotel’s name', () => {
  it('is renamed in both languages by a manager; the sign-in screen, the header and printed cards read the new name', () => {
    expect(profile().name).toEqual({ en: 'Test Hotel', zh: '测试酒店' })
    ok(call(manager, 'hotel.setName', { name: { en: '  Harbour View Hotel ', zh: '海景酒店' } }))
    expect(profile()).toMatchObject({ name: { en: 'Harbour View Hotel', zh: '海景酒店' }, phoneCountry: 'CN', logo: null })
    expect(ok(call(null, 'setup.status')).hotelName).toEqual({ en: 'Harbour View Hotel', zh: '海景酒店' })
    const audit = store.core.sqlite.prepare("select detail from audit_log where action = 'hotel.setName'").get() as { detail: string }
    expect(JSON.parse(audit.detail).before).toEqual({ en: 'Test Hotel', zh: '测试酒店' })
  })

  it('refuses an empty, invisible or too long name, naming the field, and keeps the old one', () => {
    const empty = failure(call(manager, 'hotel.setName', { name: { en: 'Harbour', zh: '   ' } }))
    expect(empty.code).toBe('VALIDATION')
    expect((empty.details!.issues as { path: string }[]).map((i) => i.path)).toContain('name.zh')
    const invisible = failure(call(manager, 'hotel.setName', { name: { en: '\u200b\u200b', zh: '海景' } }))
    expect((invisible.details!.issues as { path: string }[]).map((i) => i.path)).toContain('name.en')
    expect(failure(call(manager, 'hotel.setName', { name: { en: 'H'.repeat(81), zh: '海景' } })).code).toBe('VALIDATION')
    expect(profile().name).toEqual({ en: 'Test Hotel', zh: '测试酒店' })
  })

  it('is the manager’s: the front desk and department staff are refused', () => {
    expect(failure(call(hotel.desk, 'hotel.setName', { name: { en: 'Mine', zh: '我的' } })).code).toBe('FORBIDDEN')
    expect(failure(call(hotel.housekeeper, 'hotel.setLogo', { base64: logoBase64 })).code).toBe('FORBIDDEN')
    expect(failure(call(hotel.desk, 'hotel.clearLogo')).code).toBe('FORBIDDEN')
  })
})

describe('the logo for printed cards', () => {
  it('keeps a PNG or a JPEG by its bytes, with its type, and removes it', () => {
    expect(ok(call(manager, 'hotel.setLogo', { base64: logoBase64, fileName: 'logo.png' }))).toEqual({ mime: 'image/png', bytes: logoPng.length })
    expect(profile().logo).toEqual({ mime: 'image/png', base64: logoBase64 })
    // A JPEG sent as a data: URL (as the page's FileReader gives it), whatever its name says.
    ok(call(manager, 'hotel.setLogo', { base64: `data:image/png;base64,${jpegBytes.toString('base64')}`, fileName: 'logo.png' }))
    expect(profile().logo).toEqual({ mime: 'image/jpeg', base64: jpegBytes.toString('base64') })
    expect(ok(call(manager, 'hotel.clearLogo'))).toEqual({ cleared: true })
    expect(profile().logo).toBeNull()
    expect(ok(call(manager, 'hotel.clearLogo'))).toEqual({ cleared: false })
  })

  it('refuses a GIF, a text file named .png and an oversized PNG with clear messages, and keeps the logo it had', () => {
    ok(call(manager, 'hotel.setLogo', { base64: logoBase64 }))
    const gif = failure(call(manager, 'hotel.setLogo', { base64: gif1x1, fileName: 'logo.gif' }))
    expect(gif).toMatchObject({ code: 'LOGO_FILE', details: { detected: 'gif' } })
    expect(gif.message).toContain('PNG or JPEG')
    const text = failure(call(manager, 'hotel.setLogo', { base64: textAsPng, fileName: 'logo.png' }))
    expect(text).toMatchObject({ code: 'LOGO_FILE', details: { detected: 'unknown' } })
    const big = failure(call(manager, 'hotel.setLogo', { base64: oversizedPng, fileName: 'huge.png' }))
    expect(big).toMatchObject({ code: 'LOGO_TOO_LARGE', details: { kilobytes: 301, maxKilobytes: 256 } })
    expect(big.message).toContain('at most 256 KB')
    const notBase64 = failure(call(manager, 'hotel.setLogo', { base64: 'not base64 at all!' }))
    expect(notBase64.code).toBe('LOGO_FILE')
    // The logo of before is still the one printed.
    expect(profile().logo).toEqual({ mime: 'image/png', base64: logoBase64 })
  })

  it('takes a PNG of exactly 256 KB and refuses one byte more', () => {
    const head = Buffer.from(logoBase64, 'base64')
    const exact = Buffer.concat([head, Buffer.alloc(256 * 1024 - head.length, 2)])
    expect(ok(call(manager, 'hotel.setLogo', { base64: exact.toString('base64') })).bytes).toBe(256 * 1024)
    expect(failure(call(manager, 'hotel.setLogo', { base64: Buffer.concat([exact, Buffer.from([0])]).toString('base64') })).code).toBe('LOGO_TOO_LARGE')
  })

  it('refuses a PNG or JPEG signature alone, a damaged header and an image too small or too large to print, and keeps the logo', () => {
    ok(call(manager, 'hotel.setLogo', { base64: logoBase64 }))
    // The attack: 8 bytes of PNG signature, 3 of JPEG; each once answered 200.
    for (const base64 of ['iVBORw0KGgo=', '/9j/', Buffer.concat([pngSignature, Buffer.alloc(40, 0)]).toString('base64'), jpegBytes.subarray(0, 20).toString('base64')]) {
      const refused = failure(call(manager, 'hotel.setLogo', { base64 }))
      expect(refused).toMatchObject({ code: 'LOGO_FILE', details: { detected: 'unreadable' } })
      expect(refused.message).toContain('save it again as PNG or JPEG')
    }
    const dot = failure(call(manager, 'hotel.setLogo', { base64: pngOf(1, 1).toString('base64') }))
    expect(dot).toMatchObject({ code: 'LOGO_FILE', details: { detected: 'dimensions', width: 1, height: 1, minPixels: 16, maxPixels: 4000 } })
    expect(dot.message).toContain('from 16 to 4000 pixels')
    const banner = failure(call(manager, 'hotel.setLogo', { base64: pngOf(4001, 16).toString('base64') }))
    expect(banner).toMatchObject({ code: 'LOGO_FILE', details: { detected: 'dimensions', width: 4001, height: 16 } })
    // The edges are taken: 16 × 4000.
    expect(ok(call(manager, 'hotel.setLogo', { base64: pngOf(16, 4000).toString('base64') })).mime).toBe('image/png')
    expect(ok(call(manager, 'hotel.setLogo', { base64: logoBase64 })).mime).toBe('image/png')
    failure(call(manager, 'hotel.setLogo', { base64: 'iVBORw0KGgo=' }))
    expect(profile().logo).toEqual({ mime: 'image/png', base64: logoBase64 })
  })

  it('answers LOGO_TOO_LARGE, not VALIDATION, for any file whose upload fits in the hub’s body (up to 1 MiB)', () => {
    // The largest data: URL whose JSON body {"base64":"…","fileName":"logo.png"} fits maxBodyBytes.
    const overhead = JSON.stringify({ base64: 'data:image/png;base64,', fileName: 'logo.png' }).length
    const fileBytes = Math.floor((maxBodyBytes - overhead) / 4) * 3
    const upload = `data:image/png;base64,${Buffer.concat([logoPng, Buffer.alloc(fileBytes - logoPng.length, 3)]).toString('base64')}`
    expect(JSON.stringify({ base64: upload, fileName: 'logo.png' }).length).toBeLessThanOrEqual(maxBodyBytes)
    const refused = failure(call(manager, 'hotel.setLogo', { base64: upload, fileName: 'logo.png' }))
    expect(refused).toMatchObject({ code: 'LOGO_TOO_LARGE', details: { kilobytes: Math.ceil(fileBytes / 1024), maxKilobytes: 256 } })
    // A 700 KB photo, as a manager might pick.
    const photo = Buffer.concat([logoPng, Buffer.alloc(700 * 1024, 5)]).toString('base64')
    expect(failure(call(manager, 'hotel.setLogo', { base64: photo })).code).toBe('LOGO_TOO_LARGE')
    // Longer than any body the hub takes (through Electron's IPC): VALIDATION saying what to do.
    const far = failure(call(manager, 'hotel.setLogo', { base64: 'A'.repeat(maxBodyBytes + 4) }))
    expect(far.code).toBe('VALIDATION')
    expect(far.message).toContain('at most 256 KB')
  })

  it('reads a damaged stored logo as none rather than failing', () => {
    store.core.sqlite.prepare("insert into setting (key, value) values ('hotel.logo', '{broken') on conflict(key) do update set value = excluded.value").run()
    expect(profile().logo).toBeNull()
  })
})

describe('departments', () => {
  it('adds a department with its promise; a short promise keeps the promise to acknowledge within it', () => {
    ok(call(manager, 'department.create', { code: 'spa', name: { en: 'Spa', zh: '水疗中心' }, promiseMinutes: 45 }))
    ok(call(manager, 'department.create', { code: 'butler', name: { en: 'Butler', zh: '管家' }, promiseMinutes: 5 }))
    expect(department('spa')).toMatchObject({ name: { en: 'Spa', zh: '水疗中心' }, promiseMinutes: 45, ackMinutes: 10, parentCode: null })
    expect(department('butler')).toMatchObject({ promiseMinutes: 5, ackMinutes: 5 })
    // A rule can now send the spa work.
    ok(call(manager, 'rule.create', { key: 'spa-welcome', trigger: 'check_in', category: 'food', code: 'cuisine', value: 'sichuan', department: 'spa', dueMinutes: 30, template: { en: 'Offer {guest} a massage.', zh: '为{guest}安排按摩。' } }))
  })

  it('refuses a bad or taken code, an empty name and impossible minutes, naming the field; nothing is added', () => {
    const issuesOf = (input: unknown) => (failure(call(manager, 'department.create', input)).details!.issues as { path: string }[]).map((i) => i.path)
    expect(issuesOf({ code: 'Spa!', name: { en: 'Spa', zh: '水疗' }, promiseMinutes: 30 })).toContain('code')
    expect(issuesOf({ code: 'housekeeping', name: { en: 'Rooms', zh: '客房' }, promiseMinutes: 30 })).toEqual(['code'])
    expect(issuesOf({ code: 'spa', name: { en: 'Spa', zh: ' ' }, promiseMinutes: 30 })).toContain('name.zh')
    expect(issuesOf({ code: 'spa', name: { en: 'Spa', zh: '水疗' }, promiseMinutes: 0 })).toContain('promiseMinutes')
    expect(issuesOf({ code: 'spa', name: { en: 'Spa', zh: '水疗' }, promiseMinutes: 10081 })).toContain('promiseMinutes')
    expect(issuesOf({ code: 'spa', name: { en: 'Spa', zh: '水疗' }, promiseMinutes: 2.5 })).toContain('promiseMinutes')
    expect(department('spa')).toBeUndefined()
    expect(failure(call(hotel.desk, 'department.create', { code: 'spa', name: { en: 'Spa', zh: '水疗' }, promiseMinutes: 30 })).code).toBe('FORBIDDEN')
  })

  it('renames a department and changes its promise for new prompts; a shorter promise shortens the promise to acknowledge', () => {
    ok(call(manager, 'escalation.setSteps', { department: 'concierge', ackMinutes: 20, promiseMinutes: 60, steps: [{ afterMinutes: 0, notify: 'lead' }] }))
    ok(call(manager, 'department.update', { code: 'concierge', name: { en: 'Les Clefs d’Or', zh: '金钥匙礼宾' } }))
    expect(department('concierge')).toMatchObject({ name: { en: 'Les Clefs d’Or', zh: '金钥匙礼宾' }, promiseMinutes: 60, ackMinutes: 20 })
    ok(call(manager, 'department.update', { code: 'concierge', promiseMinutes: 15 }))
    expect(department('concierge')).toMatchObject({ promiseMinutes: 15, ackMinutes: 15 })
    // The escalation settings read the same promises.
    const steps = ok<{ department: string; ackMinutes: number; promiseMinutes: number }[]>(call(manager, 'escalation.steps')).find((s) => s.department === 'concierge')
    expect(steps).toMatchObject({ ackMinutes: 15, promiseMinutes: 15 })
    expect(failure(call(manager, 'department.update', { code: 'concierge', name: { en: 'Concierge', zh: '\u200b' } })).code).toBe('VALIDATION')
    expect(failure(call(manager, 'department.update', { code: 'nope', promiseMinutes: 5 })).code).toBe('NOT_FOUND')
  })

  it('retires a department nothing depends on, and refuses one with staff, rules or outlets, saying what to do first', () => {
    ok(call(manager, 'department.create', { code: 'spa', name: { en: 'Spa', zh: '水疗中心' }, promiseMinutes: 45 }))
    ok(call(manager, 'department.retire', { code: 'spa' }))
    expect(department('spa')).toBeUndefined()
    // The code stays taken: its history still names it.
    expect(failure(call(manager, 'department.create', { code: 'spa', name: { en: 'Spa', zh: '水疗' }, promiseMinutes: 30 })).message).toContain('retired department')
    const inUse = failure(call(manager, 'department.retire', { code: 'housekeeping' }))
    expect(inUse.code).toBe('DEPARTMENT_IN_USE')
    expect(inUse.details).toMatchObject({ staff: 1, outlets: 0 })
    expect((inUse.details as { rules: number }).rules).toBeGreaterThan(0)
    expect(inUse.message).toContain('move them to another department first')
    ok(call(manager, 'department.create', { code: 'fb_bar', name: { en: 'Bar', zh: '酒吧' }, promiseMinutes: 15, parentCode: 'concierge' }))
    expect(failure(call(manager, 'department.retire', { code: 'concierge' })).details).toMatchObject({ outlets: 1 })
    expect(department('housekeeping')).toBeDefined()
    expect(failure(call(manager, 'department.retire', { code: 'spa' })).code).toBe('NOT_FOUND')
  })
})

describe('the first start and the demo take the same paths', () => {
  it('names the hotel and creates departments through the same rules as hotel.setName and department.create', () => {
    const fresh = tempStore()
    try {
      const first = (departments: unknown[], hotelName: unknown = { en: 'Harbour', zh: '海港' }) =>
        fresh.core.callAs(null, 'setup.createFirstAdmin', { hotelName, departments, admin: { code: 'ad01', name: 'Admin', pin: '123456' } })
      const dept = (code: string, promiseMinutes: number) => ({ code, name: { en: code, zh: code }, promiseMinutes })
      // The same name rules: an invisible name is refused, as hotel.setName refuses it.
      expect((failure(first([dept('front_office', 10)], { en: 'Harbour', zh: '\u200b' })).details!.issues as { path: string }[])[0].path).toBe('hotelName.zh')
      // The same department rules: a code given twice is refused by name, nothing is kept.
      expect(failure(first([dept('front_office', 10), dept('front_office', 5)])).message).toContain('already a department with the code front_office')
      expect(ok(fresh.core.callAs(null, 'setup.status', {}))).toMatchObject({ needsSetup: true, hotelName: null })
      const { staff: admin } = ok(first([dept('front_office', 10), dept('butler', 5)]))
      expect(ok(fresh.core.callAs(admin, 'hotel.profile', {})).name).toEqual({ en: 'Harbour', zh: '海港' })
      const list = ok<{ code: string; ackMinutes: number }[]>(fresh.core.callAs(admin, 'department.list', {}))
      expect(list.find((d) => d.code === 'butler')).toMatchObject({ ackMinutes: 5 })
    } finally {
      fresh.cleanup()
    }
  })

  it('the demo loader names the hotel through the first start and makes rooms and departments through room.create and department.create', () => {
    const fresh = tempStore()
    try {
      const full = readDemoData(fileURLToPath(new URL('../../resources/demo', import.meta.url)))
      // The hotel as the demo has it, without its 200 guests (they are another test's).
      const data = { ...full, guests: [], hotel: { ...full.hotel, rooms: full.hotel.rooms.slice(0, 12) } }
      const calls: string[] = []
      loadDemoHotel((actor, name, input) => {
        calls.push(name)
        return fresh.core.callAs(actor, name, input)
      }, data, new Date())
      const writes = calls.filter((n) => !['hotel.clock', 'session.signIn', 'prompt.ofStay'].includes(n))
      expect(writes[0]).toBe('setup.createFirstAdmin')
      expect(writes.filter((n) => n === 'department.create')).toHaveLength(full.hotel.outlets.length)
      expect(writes.filter((n) => n === 'room.create')).toHaveLength(12)
      const admin = ok(fresh.core.callAs(null, 'session.signIn', { code: 'ad01', pin: '123456' })).staff
      expect(ok(fresh.core.callAs(admin, 'hotel.profile', {})).name).toEqual(full.hotel.hotel.name)
      expect(ok(fresh.core.callAs(null, 'setup.status', {})).hotelName).toEqual(full.hotel.hotel.name)
      const codes = ok<{ code: string }[]>(fresh.core.callAs(admin, 'department.list', {})).map((d) => d.code)
      for (const d of [...full.hotel.departments, ...full.hotel.outlets]) expect(codes).toContain(d.code)
    } finally {
      fresh.cleanup()
    }
  })
})
