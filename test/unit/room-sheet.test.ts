import { describe, expect, it } from 'vitest'
import type { ReportFile } from '../../electron/core/pms/report-file'
import {
  checkRoomSheet,
  floorFromNumber,
  guessRoomMapping,
  parseBed,
  parseFacing,
  parseFeatureList,
  parseFloor,
  parseView,
  type ExistingRoom,
} from '../../electron/core/rooms/room-sheet'

const file = (headers: string[], ...rows: string[][]): ReportFile => ({
  headers,
  headerLine: 1,
  rows: rows.map((cells, i) => ({ line: i + 2, cells })),
  ignoredColumns: [],
})

describe('guessing which column is which', () => {
  it('reads English and Chinese headers, and never takes "Room Type" for the room number', () => {
    expect(guessRoomMapping(['Room Type', 'Room No.', 'Floor', 'Facing', 'View', 'Bed Type', 'Features'])).toEqual({
      number: 'Room No.',
      floor: 'Floor',
      facing: 'Facing',
      view: 'View',
      bed: 'Bed Type',
      features: 'Features',
      roomType: 'Room Type',
    })
    expect(guessRoomMapping(['房号', '楼层', '朝向', '景观', '床型', '设施', '房型'])).toEqual({
      number: '房号',
      floor: '楼层',
      facing: '朝向',
      view: '景观',
      bed: '床型',
      features: '设施',
      roomType: '房型',
    })
    expect(guessRoomMapping(['房号(必填)', '所在楼层', '备注'])).toEqual({ number: '房号(必填)', floor: '所在楼层' })
    expect(guessRoomMapping(['Name', 'Phone'])).toEqual({})
  })
})

describe('reading values as hotels write them', () => {
  it('facings', () => {
    expect(['N', 'north', 'North-East', '南', '朝南', '南向', '东南面', 'sw'].map(parseFacing)).toEqual(['N', 'N', 'NE', 'S', 'S', 'S', 'SE', 'SW'])
    expect(parseFacing('sideways')).toBeNull()
    expect(parseFacing('南北')).toBeNull()
  })
  it('beds', () => {
    expect(['King', 'K', '大床', 'double', '中床', 'Twin beds', '双床', '标准间'].map(parseBed)).toEqual(['king', 'king', 'king', 'queen', 'queen', 'twin', 'twin', 'twin'])
    expect(parseBed('水床')).toBeNull()
  })
  it('floors, and the floor a room number gives', () => {
    expect(['9', '09', '9F', 'F9', 'L12', '9楼', '9层', '第9层', 'B1', '-2', '地下2层'].map(parseFloor)).toEqual([9, 9, 9, 9, 12, 9, 9, 9, -1, -2, -2])
    expect(parseFloor('fifteen')).toBeNull()
    expect(parseFloor('9.5')).toBeNull()
    expect([floorFromNumber('905'), floorFromNumber('1203'), floorFromNumber('12A'), floorFromNumber('7')]).toEqual([9, 12, null, null])
  })
  it('views become the vocabulary’s codes where known', () => {
    expect(['江景', 'City view', '园景', '海景', '', '无', 'Courtyard'].map(parseView)).toEqual(['river', 'city', 'garden', 'sea', null, null, 'courtyard'])
  })
  it('features in English or Chinese, with unknown words named', () => {
    expect(parseFeatureList('浴缸、安静, visual alarm; near lift')).toEqual({ features: ['bathtub', 'quiet', 'visual_alarm', 'near_lift'], unknown: [] })
    expect(parseFeatureList('无烟')).toEqual({ features: [], unknown: [] })
    expect(parseFeatureList('bathtub, jacuzzi')).toEqual({ features: ['bathtub'], unknown: ['jacuzzi'] })
  })
})

describe('checking a room file', () => {
  const existing = new Map<string, ExistingRoom>([
    ['901', { number: '901', floor: 9, facing: 'S', view: null, bed: 'king', features: [], roomType: '', retired: false }],
    ['902', { number: '902', floor: 9, facing: 'S', view: null, bed: 'king', features: [], roomType: '', retired: true }],
  ])
  const mapping = { number: 'Room', floor: 'Floor', facing: 'Facing', bed: 'Bed' }

  it('new rooms, updates and unchanged rooms; numbers in capitals', () => {
    const check = checkRoomSheet(file(['Room', 'Floor', 'Facing', 'Bed'], ['12a', '12', 'N', 'twin'], ['901', '', 'S', 'king'], ['0901', '', 'N', '']), { ...mapping }, existing)
    // 0901 is 901 once the zeros a PMS pads with are dropped: listed twice.
    expect(check.errors.map((e) => [e.line, e.code])).toEqual([[4, 'duplicate_number']])
    expect(check.rows.map((r) => [r.number, r.action])).toEqual([
      ['12A', 'create'],
      ['901', 'unchanged'],
    ])
  })

  it('names every bad row with its field, and the first line of a duplicate', () => {
    const check = checkRoomSheet(
      file(['Room', 'Floor', 'Facing', 'Bed'], ['1001', '10', 'S', 'king'], ['1002', '10', 'S', ''], ['1001', '10', 'S', 'king'], ['10 03!', '10', 'S', 'king'], ['902', '9', 'S', 'king']),
      mapping,
      existing,
    )
    expect(check.errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [3, 'bed', 'required'],
      [4, 'number', 'duplicate_number'],
      [5, 'number', 'bad_number'],
      [6, 'number', 'retired_room'],
    ])
    expect(check.errors[1].message).toContain('first on line 2')
    expect(check.rows.map((r) => r.number)).toEqual(['1001'])
  })

  it('a room Zhike has needs no facing or bed column; a new one does, said once per column', () => {
    expect(checkRoomSheet(file(['Room', 'Floor'], ['901', '10']), { number: 'Room', floor: 'Floor' }, existing)).toMatchObject({ errors: [], rows: [{ number: '901', action: 'update', facts: { floor: 10 } }] })
    const check = checkRoomSheet(file(['Room'], ['1101'], ['1102'], ['12A']), { number: 'Room' }, existing)
    expect(check.errors.map((e) => [e.code, e.field, e.value])).toEqual([
      ['column_needed', 'floor', '1'],
      ['column_needed', 'facing', '3'],
      ['column_needed', 'bed', '3'],
    ])
  })

  it('a mapping that matches nothing in the file is one problem', () => {
    const check = checkRoomSheet(file(['Name', 'Phone'], ['王', '1']), mapping, existing)
    expect(check.errors).toHaveLength(1)
    expect(check.errors[0]).toMatchObject({ code: 'not_a_room_file', value: 'Name, Phone' })
  })

  it('stops listing after 500 problems and says how many more', () => {
    const rows = Array.from({ length: 600 }, (_, i) => [`${2000 + i}`, 'x', 'S', 'king'])
    const check = checkRoomSheet(file(['Room', 'Floor', 'Facing', 'Bed'], ...rows), mapping, existing)
    expect(check.errors).toHaveLength(501)
    expect(check.errors[500]).toMatchObject({ code: 'more_errors', value: '100' })
  })
})
