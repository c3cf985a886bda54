import fs from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readReportFile, type ReportFile } from '../../electron/core/pms/report-file'
import {
  headerKey,
  isCardColumn,
  mappingFromPreset,
  mappingSchema,
  pmsPresets,
  redactCardNumbers,
  reportFields,
  suggestMapping,
  validateReport,
  type Mapping,
} from '../../electron/core/pms/report-mapping'
import { parseNationality } from '../../electron/core/pms/nationality'
import { parseBlock, parseCount, parseEta, parseHousekeeping, parseReportDate, parseStayStatus, parseVip, splitCompanions } from '../../electron/core/pms/report-values'

const fixture = async (name: string) => readReportFile(new Uint8Array(fs.readFileSync(`test/fixtures/pms/${name}`)), name)
const csv = async (text: string) => readReportFile(new TextEncoder().encode(text), 'report.csv')
const date = (text: string, order: 'ymd' | 'dmy' | 'mdy' = 'ymd') => {
  const read = parseReportDate(text, order)
  return 'date' in read ? read.date : read.problem
}

describe('report values', () => {
  it('reads every date form PMSs print', () => {
    expect(date('2026-12-01')).toBe('2026-12-01')
    expect(date('2026/12/1')).toBe('2026-12-01')
    expect(date('2026.12.01')).toBe('2026-12-01')
    expect(date('20261201')).toBe('2026-12-01')
    expect(date('2026年12月1日')).toBe('2026-12-01')
    expect(date('01-DEC-26')).toBe('2026-12-01')
    expect(date('01-DEC-2026')).toBe('2026-12-01')
    expect(date('1-Dec-2026')).toBe('2026-12-01')
    expect(date('01DEC26')).toBe('2026-12-01')
    expect(date('Dec 1, 2026')).toBe('2026-12-01')
    expect(date('2026-12-01 14:30:00')).toBe('2026-12-01')
    expect(date('46357')).toBe('2026-12-01') // Excel's serial for 1 December 2026
    expect(date('01-DEC-65')).toBe('1965-12-01')
  })

  it('reads day and month by the date order only when the value cannot tell', () => {
    expect(date('13/12/2026', 'mdy')).toBe('2026-12-13')
    expect(date('12/13/2026', 'dmy')).toBe('2026-12-13')
    expect(date('01/12/2026', 'dmy')).toBe('2026-12-01')
    expect(date('01/12/2026', 'mdy')).toBe('2026-01-12')
    expect(date('01/12/2026', 'ymd')).toBe('ambiguous_date')
    expect(date('05/05/2026', 'ymd')).toBe('2026-05-05')
  })

  it('refuses dates that do not exist', () => {
    for (const text of ['31-NOV-26', '2026-02-29', '2026-13-01', '32/01/2026', 'tomorrow', '', '123', '2026-12']) expect(date(text, 'dmy'), text).toBe('bad_date')
  })

  it('reads arrival times as HH:MM', () => {
    const cases: [string, string | null][] = [
      ['14:30', '14:30'], ['14:30:00', '14:30'], ['2:30 PM', '14:30'], ['2:30PM', '14:30'], ['12:15 am', '00:15'], ['12 PM', '12:00'],
      ['1430', '14:30'], ['930', '09:30'], ['14.30', '14:30'], ['14时30分', '14:30'], ['14点', '14:00'], ['下午2:30', '14:30'],
      ['2026-12-01 18:00', '18:00'], ['25:00', null], ['14:60', null], ['13 PM', null], ['soon', null],
    ]
    for (const [text, expected] of cases) expect(parseEta(text), text).toBe(expected)
  })

  it('normalises PMS status codes, English and Chinese', () => {
    const cases: [string, string | null][] = [
      ['RESERVED', 'reserved'], ['Due In', 'reserved'], ['DI', 'reserved'], ['预订', 'reserved'], ['预抵', 'reserved'],
      ['CHECKED IN', 'in_house'], ['In-House', 'in_house'], ['INH', 'in_house'], ['I', 'in_house'], ['在住', 'in_house'], ['已入住', 'in_house'],
      ['CHECKED OUT', 'checked_out'], ['CO', 'checked_out'], ['O', 'checked_out'], ['离店', 'checked_out'], ['已退房', 'checked_out'],
      ['CANCELLED', 'cancelled'], ['CXL', 'cancelled'], ['X', 'cancelled'], ['取消', 'cancelled'],
      ['NO SHOW', 'no_show'], ['NS', 'no_show'], ['N', 'no_show'], ['未到', 'no_show'], ['应到未到', 'no_show'],
      ['Started', 'in_house'], ['Processed', 'checked_out'], ['WAITLIST', null],
    ]
    for (const [text, expected] of cases) expect(parseStayStatus(text), text).toBe(expected)
  })

  it('reads VIP levels and counts', () => {
    expect(['3', 'VIP3', 'VIP 3', 'V3', 'vip-3'].map(parseVip)).toEqual([3, 3, 3, 3, 3])
    expect(['', 'N', 'NONE', '0', 'VIP', '贵宾'].map(parseVip)).toEqual([0, 0, 0, 0, 1, 1])
    expect(['GOLD', 'VIP10'].map(parseVip)).toEqual([null, null])
    expect(['2', '2.0', '2人', 'two', '-1'].map(parseCount)).toEqual([2, 2, 2, null, null])
  })

  it('reads nationalities as two-letter codes', () => {
    const cases: [string, string | null][] = [
      ['CN', 'CN'], ['cn', 'CN'], ['CHN', 'CN'], ['China', 'CN'], ['中国', 'CN'], ['Chinese', 'CN'], ['HKG', 'HK'], ['中国香港', 'HK'],
      ['Hong Kong', 'HK'], ['Macau', 'MO'], ['澳门', 'MO'], ['DEU', 'DE'], ['D', 'DE'], ['Germany', 'DE'], ['德国', 'DE'], ['UK', 'GB'],
      ['USA', 'US'], ['Korea, Republic of', 'KR'], ['POL', 'PL'], ['Atlantis', null], ['ZZ', null],
    ]
    for (const [text, expected] of cases) expect(parseNationality(text), text).toBe(expected)
  })

  it('reads housekeeping and block codes', () => {
    expect(['VC', 'OC', '空净', '住净', 'Clean'].map(parseHousekeeping)).toEqual(['clean', 'clean', 'clean', 'clean', 'clean'])
    expect(['VD', 'OD', '空脏', '住脏', 'dirty'].map(parseHousekeeping)).toEqual(['dirty', 'dirty', 'dirty', 'dirty', 'dirty'])
    expect(['IP', 'INS', '已查', 'Inspected', 'PU', 'Pickup', 'XX'].map(parseHousekeeping)).toEqual(['inspected', 'inspected', 'inspected', 'inspected', 'pickup', 'pickup', null])
    expect(['OOO', 'OO', '维修房', 'OOS', '停用', '锁房', '', '无', '??'].map(parseBlock)).toEqual([
      'out_of_order', 'out_of_order', 'out_of_order', 'out_of_service', 'out_of_service', 'out_of_service', 'none', 'none', null,
    ])
  })

  it('splits companions on ; ， 、 and line breaks, never on the / inside a PMS name', () => {
    expect(splitCompanions('ZHANG/WEI MR; LI/NA MS')).toEqual(['ZHANG/WEI MR', 'LI/NA MS'])
    expect(splitCompanions('李娜、王芳，赵敏\n陈静')).toEqual(['李娜', '王芳', '赵敏', '陈静'])
    expect(splitCompanions('Kowalska, Anna')).toEqual(['Kowalska, Anna'])
  })
})

describe('card numbers', () => {
  it('removes card numbers that pass the Luhn check, however they are spaced', () => {
    expect(redactCardNumbers('4111111111111111')).toBe('[card removed]')
    expect(redactCardNumbers('Guaranteed by 4111 1111 1111 1111, exp 12/28')).toBe('Guaranteed by [card removed], exp 12/28')
    expect(redactCardNumbers('AMEX 3782-822463-10005')).toBe('AMEX [card removed]')
    expect(redactCardNumbers('UnionPay 6212 3456 7890 1234 560 ok')).toBe(redactCardNumbers('UnionPay 6212 3456 7890 1234 560 ok'))
    expect(redactCardNumbers('４１１１ １１１１ １１１１ １１１１')).toBe('[card removed]')
    expect(redactCardNumbers('card 4111111111111111 1228')).toBe('card [card removed] 1228')
  })

  it('keeps numbers that are not cards: wrong check digit, too short, phones with +', () => {
    expect(redactCardNumbers('4111111111111112')).toBe('4111111111111112')
    expect(redactCardNumbers('Conf 48213377')).toBe('Conf 48213377')
    expect(redactCardNumbers('+86 138 0013 8000')).toBe('+86 138 0013 8000')
    expect(redactCardNumbers('2026-12-01')).toBe('2026-12-01')
  })

  it('finds any Luhn-valid 13–19 digit number, and leaves the text otherwise unchanged', () => {
    const luhnDigit = (body: string) => {
      let sum = 0
      for (let i = 0; i < body.length; i++) {
        let d = Number(body[body.length - 1 - i])
        if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2
        sum += d
      }
      return String((10 - (sum % 10)) % 10)
    }
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{11,17}$/), fc.string({ maxLength: 20 }), (body, prose) => {
        const card = body + luhnDigit(body)
        const words = prose.replace(/[\d+ -]/g, 'x')
        const out = redactCardNumbers(`${words} ${card} ${words}`)
        expect(out).not.toContain(card)
        expect(out).toBe(`${words} [card removed] ${words}`)
      }),
    )
  })

  it('knows card columns from membership numbers', () => {
    for (const header of ['Card', 'Credit Card', 'CC No', 'Card Number', 'Expiry', 'Exp Date', '信用卡', '卡号', '信用卡号', 'CVV']) expect(isCardColumn(header), header).toBe(true)
    for (const header of ['会员卡号', 'Membership No', 'Member Card No', 'Name', 'Company', 'Room Type']) expect(isCardColumn(header), header).toBe(false)
  })

  it('never reads a card column, even when a mapping names it', async () => {
    const file = await csv('Conf No,Name,Arrival,Departure,Credit Card\n1,ZHANG/WEI,2026-12-01,2026-12-03,4111111111111111\n')
    const mapping: Mapping = { kind: 'arrivals', columns: { confirmation: 'Conf No', guestName: 'Name', arrival: 'Arrival', departure: 'Departure', remarks: 'Credit Card' }, dateOrder: 'ymd' }
    const check = validateReport('arrivals', mapping, file)
    expect(check.errors).toEqual([expect.objectContaining({ line: 1, field: 'remarks', code: 'card_column' })])
    expect(JSON.stringify(check)).not.toContain('4111')
    expect(suggestMapping('arrivals', file.headers).mapping.columns).not.toHaveProperty('remarks')
  })
})

describe('presets and suggestMapping', () => {
  it('maps an OPERA arrivals report to the OPERA preset, every field found', async () => {
    const file = await fixture('opera-arrivals-0700.csv')
    const { mapping, preset } = suggestMapping('arrivals', file.headers)
    expect(preset).toBe('opera')
    expect(mapping.dateOrder).toBe('dmy')
    expect(mapping.columns).toMatchObject({
      confirmation: 'Conf No', guestName: 'Name', nativeName: 'Alt Name', arrival: 'Arrival', departure: 'Departure', roomNumber: 'Room',
      roomType: 'Room Type', vip: 'VIP', profileId: 'Profile ID', membershipNo: 'Membership No', eta: 'ETA', company: 'Company',
      source: 'Source', remarks: 'Comments', adults: 'Adults', children: 'Children', status: 'Status', nationality: 'Nationality',
    })
  })

  it('maps a 西软 in-house report to the Foxhis preset', async () => {
    const file = await fixture('foxhis-inhouse.csv')
    const { mapping, preset } = suggestMapping('in_house', file.headers)
    expect(preset).toBe('foxhis')
    expect(mapping.columns).toMatchObject({ confirmation: '预订号', guestName: '姓名', arrival: '到达', departure: '离开', roomNumber: '房号', roomType: '房类', adults: '人数', companions: '同住人', membershipNo: '会员卡号' })
  })

  it('matches headers whatever their case, spacing and width, and borrows names from other presets', () => {
    const { mapping } = suggestMapping('arrivals', ['ＣＯＮＦ ＮＯ', 'guest_name', '抵店日期', 'DEPARTURE DATE', '备注'])
    expect(mapping.columns).toEqual({ confirmation: 'ＣＯＮＦ ＮＯ', guestName: 'guest_name', arrival: '抵店日期', departure: 'DEPARTURE DATE', remarks: '备注' })
    expect(headerKey('Conf. No.')).toBe(headerKey('CONF_NO'))
  })

  it('suggests nothing it cannot find, and says no preset fits', () => {
    expect(suggestMapping('arrivals', ['Foo', 'Bar'])).toEqual({ mapping: { kind: 'arrivals', columns: {}, dateOrder: 'ymd' }, preset: null })
  })

  it('has the five common PMSs, each naming every required field of every kind', () => {
    expect(pmsPresets.map((p) => p.id)).toEqual(['opera', 'foxhis', 'shiji', 'green_cloud', 'mews'])
    for (const preset of pmsPresets) {
      for (const kind of ['arrivals', 'room_status'] as const) {
        for (const field of reportFields(kind).filter((f) => f.required)) {
          const names = (kind === 'room_status' ? preset.roomStatus : preset.stay)[field.name as never] as string[] | undefined
          expect(names?.length, `${preset.id} ${field.name}`).toBeGreaterThan(0)
        }
      }
    }
    expect(mappingFromPreset('nope', 'arrivals', [])).toBeNull()
  })

  it('validates mappings: fields of another kind and empty headers are refused', () => {
    expect(mappingSchema.safeParse({ kind: 'arrivals', columns: { confirmation: 'Conf No' } }).data?.dateOrder).toBe('ymd')
    expect(mappingSchema.safeParse({ kind: 'arrivals', columns: { housekeeping: 'HK' } }).success).toBe(false)
    expect(mappingSchema.safeParse({ kind: 'room_status', columns: { roomNumber: ' ' } }).success).toBe(false)
    expect(mappingSchema.safeParse({ kind: 'arrivals', columns: { nope: 'x' } }).success).toBe(false)
  })
})

describe('validateReport', () => {
  const operaMapping = async (file: ReportFile) => suggestMapping('arrivals', file.headers).mapping

  it('reads a clean OPERA arrivals file into stays, in Zhike\'s terms', async () => {
    const file = await fixture('opera-arrivals-0700.csv')
    const check = validateReport('arrivals', await operaMapping(file), file)
    expect(check.errors).toEqual([])
    expect(check.rows).toHaveLength(4)
    expect(check.rows[0]).toEqual({
      line: 5, confirmation: '48213377', profileId: 'P-100231', membershipNo: 'GC88001234', guestName: 'ZHANG/WEI MR', nativeName: '张伟',
      romanName: 'ZHANG Wei', salutation: 'mr', phone: null, email: null, birthDate: null, nationality: 'CN', vip: 2, arrival: '2026-12-01',
      departure: '2026-12-04', roomType: 'DKN', roomNumber: '1208', status: 'reserved', party: 2, eta: '14:30', company: 'Huawei Technologies',
      source: 'GDS', remarks: 'Late check-out requested; card on file [card removed]', companions: [],
    })
    expect(check.rows[1]).toMatchObject({ eta: '14:30', roomNumber: null, nationality: 'PL' })
    expect(check.rows[2]).toMatchObject({ party: 3, eta: '18:00', roomNumber: '0905' })
  })

  it('reports every bad row by line, with field, column and value, and applies nothing', async () => {
    const file = await fixture('opera-arrivals-bad.csv')
    const check = validateReport('arrivals', await operaMapping(file), file)
    expect(check.errors.map((e) => [e.line, e.field, e.code, e.value])).toEqual([
      [3, 'arrival', 'bad_date', '31-NOV-26'],
      [4, 'status', 'bad_status', 'WAITLIST'],
      [4, 'eta', 'bad_time', '25:00'],
      [5, 'confirmation', 'duplicate_confirmation', '48213377'],
    ])
    expect(check.errors[0]).toMatchObject({ column: 'Arrival', message: expect.stringContaining('Line 3') })
    expect(check.rows.map((r) => r.line)).toEqual([2])
  })

  it('reports a required column missing from the mapping or the file once, at the header line', async () => {
    const file = await csv('Report title\nConf No,Name,Arrival,Room\n1,A,2026-12-01,101\n2,B,2026-12-01,102\n')
    const mapping: Mapping = { kind: 'arrivals', columns: { confirmation: 'Conf No', guestName: 'Name', arrival: 'Arrival', departure: 'Departure' }, dateOrder: 'ymd' }
    const check = validateReport('arrivals', mapping, file)
    expect(check.errors.filter((e) => e.line === 2)).toEqual([expect.objectContaining({ field: 'departure', column: 'Departure', code: 'unknown_column' })])
    const unmapped = validateReport('arrivals', { ...mapping, columns: { confirmation: 'Conf No', guestName: 'Name', arrival: 'Arrival' } }, file)
    expect(unmapped.errors).toEqual([expect.objectContaining({ line: 2, field: 'departure', column: null, code: 'required' })])
  })

  it('catches each kind of bad value', async () => {
    const file = await csv(
      [
        'Conf,Name,Arr,Dep,Status,Room,Type,VIP,Adults,Children,ETA,Email,Nationality',
        'A1,ZHANG/WEI,2026-12-03,2026-12-01,RESERVED,101,DKN,0,1,0,,,',
        'A2,,2026-12-01,2026-12-02,RESERVED,101,DKN,0,1,0,,,',
        'A3,LI/NA,2026-12-01,2026-12-02,IN HOUSE,,DKN,0,1,0,,,',
        'A4,LI/NA,2026-12-01,2026-12-02,RESERVED,1208/1209,DKN,GOLD,10,3,,,',
        'A5,LI/NA,01/02/2026,2026-12-02,RESERVED,101,D K N,0,two,0,,not-an-email,Atlantis',
      ].join('\n'),
    )
    const mapping: Mapping = {
      kind: 'arrivals',
      columns: { confirmation: 'Conf', guestName: 'Name', arrival: 'Arr', departure: 'Dep', status: 'Status', roomNumber: 'Room', roomType: 'Type', vip: 'VIP', adults: 'Adults', children: 'Children', email: 'Email', nationality: 'Nationality' },
      dateOrder: 'ymd',
    }
    const check = validateReport('arrivals', mapping, file)
    expect(check.errors.map((e) => `${e.line} ${e.field} ${e.code}`)).toEqual([
      '2 departure dates_out_of_order',
      '3 guestName required',
      '4 roomNumber room_required',
      '5 vip bad_vip',
      '5 roomNumber bad_room_number',
      '5 adults bad_party',
      '6 arrival ambiguous_date',
      '6 roomType bad_room_type',
      '6 adults bad_number',
    ])
    expect(check.warnings.map((e) => `${e.line} ${e.field} ${e.code}`)).toEqual(['6 email bad_email', '6 nationality bad_nationality'])
    expect(check.rows).toEqual([])
  })

  it('reads a room status report: housekeeping, blocks, and OOO written in the status column', async () => {
    const file = await fixture('opera-room-status.csv')
    const check = validateReport('room_status', suggestMapping('room_status', file.headers).mapping, file)
    expect(check.errors).toEqual([])
    expect(check.rows.map((r) => [r.roomNumber, r.housekeeping, r.block?.kind ?? r.block])).toEqual([
      ['1208', 'clean', null], ['1209', 'dirty', null], ['1210', 'inspected', null], ['1301', 'dirty', 'out_of_order'], ['1302', null, 'out_of_service'],
    ])
    expect(check.rows[3].block).toEqual({ kind: 'out_of_order', reason: 'Bathroom leak', from: '2026-12-01', until: '2026-12-03' })
    const noBlockColumn = validateReport('room_status', { kind: 'room_status', columns: { roomNumber: 'Room', housekeeping: 'Room Status' }, dateOrder: 'ymd' }, file)
    expect(noBlockColumn.rows[0].block).toBeUndefined()
  })

  it('refuses a room listed twice and an unknown room status', async () => {
    const file = await csv('房号,房态\n1208,空净\n1208,住脏\n1209,??\n')
    const check = validateReport('room_status', { kind: 'room_status', columns: { roomNumber: '房号', housekeeping: '房态' }, dateOrder: 'ymd' }, file)
    expect(check.errors.map((e) => `${e.line} ${e.code}`)).toEqual(['3 duplicate_room', '4 bad_housekeeping'])
  })

  it('lists at most 500 errors, then says how many more', async () => {
    const file = await csv('Conf,Name,Arr,Dep\n' + Array.from({ length: 600 }, (_, i) => `C${i},N,bad,bad`).join('\n'))
    const check = validateReport('arrivals', { kind: 'arrivals', columns: { confirmation: 'Conf', guestName: 'Name', arrival: 'Arr', departure: 'Dep' }, dateOrder: 'ymd' }, file)
    expect(check.errors).toHaveLength(501)
    expect(check.errors[500]).toMatchObject({ code: 'more_errors', value: '700' })
  })

  it('never throws, whatever the cells', () => {
    const fields = reportFields('arrivals').map((f) => f.name)
    const headers = fields.map((f) => `H ${f}`)
    const columns = Object.fromEntries(fields.map((f) => [f, `H ${f}`]))
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 30 }), { minLength: fields.length, maxLength: fields.length }), { maxLength: 20 }), fc.constantFrom('ymd', 'dmy', 'mdy'), (cells, dateOrder) => {
        const file: ReportFile = { headers, headerLine: 1, rows: cells.map((c, i) => ({ line: i + 2, cells: c })), ignoredColumns: [] }
        const check = validateReport('in_house', { kind: 'in_house', columns, dateOrder } as Mapping, file)
        expect(check.rows.length + new Set(check.errors.map((e) => e.line)).size).toBeGreaterThanOrEqual(cells.length)
      }),
    )
  })
})
