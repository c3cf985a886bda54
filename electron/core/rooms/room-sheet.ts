import { z } from 'zod'
import { headerKey } from '../pms/report-mapping'
import type { ReportFile } from '../pms/report-file'
import { roomFeatures, type Facing, type RoomFacts } from './room'

// Reading a hotel's room list from a spreadsheet (room.importPreview / room.import). Pure: the
// file is already read (pms/report-file.ts) and the rooms already in the store are given.

/** The columns a room list may have, in the order the mapping screen shows them. */
export const roomColumnFields = ['number', 'floor', 'facing', 'view', 'bed', 'features', 'roomType'] as const
export type RoomColumnField = (typeof roomColumnFields)[number]

/** For each field, the header of the file's column that holds it (as the file writes it). */
export const roomMappingSchema = z
  .partialRecord(z.enum(roomColumnFields), z.string().trim().min(1).max(120))
  .superRefine((mapping, ctx) => {
    const readBy = new Map<string, string>()
    for (const [field, header] of Object.entries(mapping)) {
      if (!header) continue
      const other = readBy.get(headerKey(header))
      if (other) ctx.addIssue({ code: 'custom', path: [field], message: `The column "${header}" is already read as ${other}; give ${field} a column of its own.` })
      else readBy.set(headerKey(header), field)
    }
  })
export type RoomMapping = z.output<typeof roomMappingSchema>

/** Header words each field is known by, English and Chinese (matched by headerKey). */
const headerNames: Record<RoomColumnField, string[]> = {
  number: ['room', 'room no', 'room number', 'room #', 'rm', 'rm no', 'number', 'no', '房号', '房间号', '房间号码', '客房号', '房间', '客房'],
  floor: ['floor', 'floor no', 'level', 'storey', 'story', 'fl', '楼层', '层', '楼', '所在楼层', '层数'],
  facing: ['facing', 'orientation', 'exposure', 'direction', 'aspect', '朝向', '方向', '房间朝向', '方位'],
  view: ['view', 'outlook', 'room view', '景观', '景色', '视野', '风景', '景观类型'],
  bed: ['bed', 'bed type', 'beds', 'bedding', '床型', '床', '床位', '床铺'],
  features: ['features', 'feature', 'amenities', 'equipment', 'facilities', 'special features', '特色', '设施', '特点', '配置', '房间设施', '特殊设施'],
  roomType: ['room type', 'type', 'room type code', 'rm type', 'type code', 'category', '房型', '房型代码', '房类', '房间类型', '房型编码'],
}
// When no header is exactly a known name, a header holding one is taken (房号(必填), "Room No."),
// trying the more specific fields first so "Room Type" is not read as the room number.
const containsOrder: RoomColumnField[] = ['roomType', 'floor', 'facing', 'view', 'bed', 'features', 'number']

/**
 * A first mapping from a file's headers: every field whose column is found, each header used once.
 * A header that reads as a room's value (801, 8F, north, king: a first row of data taken for column
 * names) is never guessed to be a column, though "north" holds "no".
 */
export function guessRoomMapping(headers: readonly string[]): RoomMapping {
  const mapping: RoomMapping = {}
  const used = new Set<string>()
  const keyed = headers.filter((h) => h !== '' && !isRoomValue(h)).map((h) => ({ header: h, key: headerKey(h) }))
  for (const field of roomColumnFields) {
    const names = headerNames[field].map(headerKey)
    const found = keyed.find((h) => !used.has(h.header) && names.includes(h.key))
    if (found) {
      mapping[field] = found.header
      used.add(found.header)
    }
  }
  for (const field of containsOrder) {
    if (mapping[field]) continue
    const names = headerNames[field].map(headerKey).filter((n) => n.length >= 2)
    const found = keyed.find((h) => !used.has(h.header) && names.some((n) => h.key.includes(n)))
    if (found) {
      mapping[field] = found.header
      used.add(found.header)
    }
  }
  return mapping
}

const knownHeaderKeys = new Set(Object.values(headerNames).flat().map(headerKey))
/** A room number as room lists write them: digits, maybe a letter or a dash (801, 12A, 0905, B-12). */
const roomNumberLike = /^(?=.*\d)[0-9A-Z-]{1,10}$/

/** Whether a cell reads as a value of a room (a number, floor, facing, bed or feature), not a column name. */
function isRoomValue(cell: string): boolean {
  const text = cell.normalize('NFKC').trim()
  if (text === '' || knownHeaderKeys.has(headerKey(text))) return false
  if (roomNumberLike.test(text.toUpperCase())) return true
  if (parseFloor(text) !== null || parseFacing(text) !== null || parseBed(text) !== null) return true
  const features = parseFeatureList(text)
  return features.unknown.length === 0 && features.features.length > 0
}

/**
 * Whether a file's "header row" is really its first room (a list saved without column names:
 * 801,8,north,king): no cell is a column name a room list uses, at least one reads as a room
 * number, and most read as a room's values.
 */
export function headerRowIsARoom(headers: readonly string[]): boolean {
  const cells = headers.map((h) => h.trim()).filter((h) => h !== '')
  if (cells.length === 0 || Object.keys(guessRoomMapping(headers)).length > 0) return false
  if (cells.some((c) => knownHeaderKeys.has(headerKey(c)))) return false
  if (!cells.some((c) => roomNumberLike.test(c.normalize('NFKC').toUpperCase()) && /\d{2,}/.test(c))) return false
  return cells.filter(isRoomValue).length * 2 >= cells.length
}

// --- Values ---------------------------------------------------------------------------------

const facingWords: Record<string, Facing> = {
  N: 'N', NORTH: 'N', NE: 'NE', NORTHEAST: 'NE', E: 'E', EAST: 'E', SE: 'SE', SOUTHEAST: 'SE',
  S: 'S', SOUTH: 'S', SW: 'SW', SOUTHWEST: 'SW', W: 'W', WEST: 'W', NW: 'NW', NORTHWEST: 'NW',
  北: 'N', 东北: 'NE', 東北: 'NE', 东: 'E', 東: 'E', 东南: 'SE', 東南: 'SE', 南: 'S', 西南: 'SW', 西: 'W', 西北: 'NW',
}

/** A facing as people write it: N, north, North-East, 南, 朝南, 南向, 东南面. Null when it is none of the eight. */
export function parseFacing(text: string): Facing | null {
  const word = text.normalize('NFKC').trim().toUpperCase().replace(/[\s_.-]/g, '')
  const han = word.replace(/^(坐北)?(朝|面向|面朝|向)/, '').replace(/(向|面|侧|边|方)$/, '')
  return facingWords[word] ?? facingWords[han] ?? null
}

const bedWords: Record<string, 'king' | 'queen' | 'twin'> = {
  king: 'king', k: 'king', kingbed: 'king', kingsize: 'king', 大床: 'king', 大床房: 'king', 特大床: 'king', 双人大床: 'king',
  queen: 'queen', q: 'queen', queenbed: 'queen', queensize: 'queen', double: 'queen', doublebed: 'queen', 中床: 'queen', 双人床: 'queen',
  twin: 'twin', t: 'twin', twins: 'twin', twinbed: 'twin', twinbeds: 'twin', twobeds: 'twin', 双床: 'twin', 双床房: 'twin', 标准间: 'twin', 标间: 'twin', 两张床: 'twin',
}

/** A bed as people write it: king, K, 大床; queen, double, 中床; twin, 双床, 标准间. Null when unknown. */
export function parseBed(text: string): 'king' | 'queen' | 'twin' | null {
  return bedWords[text.normalize('NFKC').trim().toLowerCase().replace(/[\s_.-]/g, '')] ?? null
}

/** A floor as people write it: 9, 09, 9F, F9, L9, 9楼, 9层, 第9层, B1 (−1), -2. Null when it is not a whole number. */
export function parseFloor(text: string): number | null {
  const t = text.normalize('NFKC').trim().toUpperCase().replace(/\s/g, '')
  const basement = /^B(\d{1,2})$/.exec(t) ?? /^地下(\d{1,2})[层楼]?$/.exec(t)
  if (basement) return -Number(basement[1])
  const m = /^(?:第)?(?:F|L)?(-?\d{1,3})(?:F|L|楼|层|\/F)?$/.exec(t)
  return m ? Number(m[1]) : null
}

/**
 * The floor a room number says, as most hotels number rooms: the digits before the last two
 * (905 → 9, 1203 → 12). Null for numbers that do not read that way (12A, 7, 10001).
 */
export function floorFromNumber(number: string): number | null {
  return /^\d{3,4}$/.test(number) ? Math.floor(Number(number) / 100) : null
}

const viewWords: Record<string, string | null> = {
  江景: 'river', 河景: 'river', 城景: 'city', 市景: 'city', 城市景观: 'city', 园景: 'garden', 花园: 'garden', 花园景: 'garden', 花园景观: 'garden',
  山景: 'mountain', 海景: 'sea', 湖景: 'lake', 无: null, 无景观: null, none: null, '-': null,
}

/** A view: the vocabulary's code where the word is known (江景 → river, "City view" → city), else the text. '' is none. */
export function parseView(text: string): string | null {
  const t = text.normalize('NFKC').trim()
  if (t === '') return null
  const lower = t.toLowerCase()
  if (lower in viewWords) return viewWords[lower]
  return lower.replace(/\s+view$/, '').replace(/\s+/g, ' ')
}

type Feature = (typeof roomFeatures)[number]
const featureWords: Record<string, Feature | 'none'> = {
  visualalarm: 'visual_alarm', visualalarmkit: 'visual_alarm', strobe: 'visual_alarm', strobealarm: 'visual_alarm', flashingalarm: 'visual_alarm', hearingkit: 'visual_alarm',
  视觉报警: 'visual_alarm', 视觉警报: 'visual_alarm', 闪光报警: 'visual_alarm', 闪光门铃: 'visual_alarm', 听障设施: 'visual_alarm', 听障套件: 'visual_alarm',
  accessible: 'accessible', wheelchair: 'accessible', wheelchairaccessible: 'accessible', ada: 'accessible', disabled: 'accessible', 无障碍: 'accessible', 无障碍房: 'accessible', 残疾人: 'accessible', 残障: 'accessible',
  connecting: 'connecting', interconnecting: 'connecting', adjoining: 'connecting', 连通: 'connecting', 连通房: 'connecting', 相通: 'connecting',
  bathtub: 'bathtub', bath: 'bathtub', tub: 'bathtub', 浴缸: 'bathtub',
  quiet: 'quiet', quietside: 'quiet', 安静: 'quiet', 安静房: 'quiet', 静音: 'quiet',
  nearlift: 'near_lift', nearelevator: 'near_lift', lift: 'near_lift', elevator: 'near_lift', 近电梯: 'near_lift', 靠近电梯: 'near_lift', 电梯旁: 'near_lift',
  smoking: 'smoking', smoke: 'smoking', 吸烟: 'smoking', 吸烟房: 'smoking', 可吸烟: 'smoking',
  nonsmoking: 'none', nosmoking: 'none', 无烟: 'none', 无烟房: 'none', 禁烟: 'none', none: 'none', 无: 'none',
}
const featureKey = (word: string) => word.normalize('NFKC').toLowerCase().replace(/[\s_.-]/g, '')

/**
 * A features cell: words separated by commas, semicolons, 、 or /, each a feature code or a
 * name (visual alarm, 浴缸, 无障碍…); "none", 无 and "non-smoking" add nothing. Unknown words are
 * returned apart so the row can say which.
 */
export function parseFeatureList(text: string): { features: Feature[]; unknown: string[] } {
  const features = new Set<Feature>()
  const unknown: string[] = []
  for (const part of text.normalize('NFKC').split(/[,;，；、/|+\n]+/)) {
    const word = part.trim()
    if (word === '') continue
    const whole = featureWords[featureKey(word)]
    if (whole) {
      if (whole !== 'none') features.add(whole)
      continue
    }
    // "bathtub quiet": several words in one part.
    const words = word.split(/\s+/)
    const each = words.map((w) => featureWords[featureKey(w)])
    if (words.length > 1 && each.every(Boolean)) each.forEach((f) => f !== 'none' && features.add(f as Feature))
    else unknown.push(word)
  }
  return { features: [...features], unknown }
}

// --- Rows -----------------------------------------------------------------------------------

/** One problem of a room file; `code` is stable (the screen translates it), `message` is English. */
export interface RoomSheetProblem {
  /** 1-based row as Excel shows it; the header's row for a problem with a column. */
  line: number
  field: RoomColumnField | null
  /** The file's header of the column, when the problem is in one. */
  column: string | null
  code: RoomSheetProblemCode
  /** The cell as read, cut to 100 characters. */
  value: string | null
  message: string
}

export type RoomSheetProblemCode =
  | 'no_header_row'
  | 'not_a_room_file'
  | 'no_number_column'
  | 'unknown_column'
  | 'column_needed'
  | 'required'
  | 'bad_number'
  | 'bad_floor'
  | 'bad_facing'
  | 'bad_bed'
  | 'bad_view'
  | 'bad_feature'
  | 'bad_room_type'
  | 'duplicate_number'
  | 'retired_room'
  | 'more_errors'

/** A room already in the store, as the file is compared with it: its facts, and whether it is retired. */
export interface ExistingRoom extends Omit<RoomFacts, 'id'> {
  retired: boolean
}

/** A room's facts as one row gives them; fields the row leaves empty are absent. */
export interface RoomSheetFacts {
  floor?: number
  facing?: Facing
  view?: string | null
  bed?: 'king' | 'queen' | 'twin'
  features?: Feature[]
  roomType?: string
}

/** One good row: the room number, what to do, and the facts (for a new room, all it needs). */
export interface RoomSheetRow {
  line: number
  number: string
  /** create: a new room; update: a room Zhike has, some facts differ; unchanged: it has them all. */
  action: 'create' | 'update' | 'unchanged'
  facts: RoomSheetFacts
  /** True when the floor was read from the room number (no floor column, or an empty cell). */
  floorFromNumber: boolean
}

export interface RoomSheetCheck {
  rows: RoomSheetRow[]
  /** Any error and nothing may be imported. At most 500, then one 'more_errors'. */
  errors: RoomSheetProblem[]
}

const maxProblems = 500
const roomNumberPattern = /^[0-9A-Z-]{1,10}$/
const roomTypePattern = /^[A-Z0-9_-]{1,12}$/

/**
 * Checks every row of a room file against a mapping and the rooms the store has.
 *
 * A file whose first row is a room, not column names, is 'no_header_row' (one problem: its
 * first room would otherwise be lost as a header). Columns: the room number must be mapped ('no_number_column'); a mapped header the file lacks is
 * 'unknown_column'; a file with none of the mapped columns is 'not_a_room_file' (one problem).
 * New rooms need a floor (or a number it can be read from), a facing and a bed: a column left
 * unmapped while the file has new rooms is one 'column_needed', an empty cell 'required'.
 * Rows: 'bad_number', 'bad_floor' (a whole number from −5 to 200), 'bad_facing', 'bad_bed',
 * 'bad_view' (over 40 characters), 'bad_feature', 'bad_room_type', 'duplicate_number' (the
 * same room twice in the file, named with the first line), 'retired_room' (reinstate it
 * first). A room Zhike has is updated with the row's non-empty cells; its number never changes.
 */
export function checkRoomSheet(file: ReportFile, mapping: RoomMapping, existing: ReadonlyMap<string, ExistingRoom>): RoomSheetCheck {
  const problems: RoomSheetProblem[] = []
  let dropped = 0
  const add = (p: Omit<RoomSheetProblem, 'value'> & { value: string | null }) => {
    if (problems.length < maxProblems) problems.push({ ...p, value: p.value === null ? null : p.value.slice(0, 100) })
    else dropped++
  }
  if (headerRowIsARoom(file.headers)) {
    const first = file.headers.filter(Boolean).slice(0, 8).join(', ')
    add({
      line: file.headerLine,
      field: null,
      column: null,
      code: 'no_header_row',
      value: first,
      message: `The first row looks like a room (${first}), not column names: add a header row (number, floor, facing, bed…, or 房号, 楼层, 朝向, 床型) above it, and choose the file again.`,
    })
    return { rows: [], errors: problems }
  }
  const columns = new Map<RoomColumnField, { index: number; header: string }>()
  const byKey = new Map(file.headers.map((h, index) => [headerKey(h), index]))
  const missing: RoomColumnField[] = []
  for (const field of roomColumnFields) {
    const header = mapping[field]
    if (!header) continue
    const exact = file.headers.indexOf(header)
    const index = exact >= 0 ? exact : byKey.get(headerKey(header))
    if (index === undefined) missing.push(field)
    else columns.set(field, { index, header: file.headers[index] })
  }
  const mapped = roomColumnFields.filter((f) => mapping[f])
  if (mapped.length > 0 && columns.size === 0) {
    add({
      line: file.headerLine,
      field: null,
      column: null,
      code: 'not_a_room_file',
      value: file.headers.filter(Boolean).slice(0, 8).join(', '),
      message: `This file has none of the columns of a room list (its columns are ${file.headers.filter(Boolean).slice(0, 8).join(', ')}). A room list needs at least a room number column; choose which column is which.`,
    })
    return { rows: [], errors: problems }
  }
  for (const field of missing) {
    add({ line: file.headerLine, field, column: mapping[field]!, code: 'unknown_column', value: mapping[field]!, message: `The file has no column "${mapping[field]}" for ${field}. Choose one of its columns.` })
  }
  if (!columns.has('number')) {
    if (!mapping.number) {
      add({
        line: file.headerLine,
        field: 'number',
        column: null,
        code: 'no_number_column',
        value: file.headers.filter(Boolean).slice(0, 8).join(', '),
        message: `No column is chosen for the room number (such as "Room" or 房号). The file's columns are ${file.headers.filter(Boolean).slice(0, 8).join(', ')}.`,
      })
    }
    return { rows: [], errors: problems }
  }
  const cell = (cells: string[], field: RoomColumnField) => {
    const column = columns.get(field)
    return column ? (cells[column.index] ?? '').trim() : ''
  }
  const rows: RoomSheetRow[] = []
  const seen = new Map<string, number>()
  const newRoomsWithout = new Map<RoomColumnField, number>()
  for (const fileRow of file.rows) {
    const line = fileRow.line
    const cells = fileRow.cells
    let bad = false
    const problem = (field: RoomColumnField, code: RoomSheetProblemCode, message: string, value: string | null = cell(cells, field)) => {
      bad = true
      add({ line, field, column: columns.get(field)?.header ?? null, code, value, message: `Line ${line}: ${message}` })
    }
    // Every cell a real room list holds may be empty but the number: a row without one is a note or a total.
    const rawNumber = cell(cells, 'number')
    if (rawNumber === '') {
      problem('number', 'required', 'the room number is empty.')
      continue
    }
    const number = rawNumber.normalize('NFKC').toUpperCase().replace(/\s+/g, '')
    if (!roomNumberPattern.test(number)) {
      problem('number', 'bad_number', `"${rawNumber}" is not a room number: use letters, digits and - only, at most 10.`)
      continue
    }
    // "0905" is room 905 when the hotel has it (PMSs pad numbers with zeros), as everywhere else.
    const known = existing.get(number) ?? existing.get(number.replace(/^0+(?=[0-9A-Z])/, ''))
    const canonical = known?.number ?? number
    const first = seen.get(canonical)
    if (first !== undefined) {
      problem('number', 'duplicate_number', `room ${canonical} is listed again (first on line ${first}).`)
      continue
    }
    seen.set(canonical, line)
    if (known?.retired) {
      problem('number', 'retired_room', `room ${known.number} is retired. Reinstate it on the Rooms page first, or leave it out of the file.`)
      continue
    }
    const facts: RoomSheetFacts = {}
    let derivedFloor = false
    const floorText = cell(cells, 'floor')
    if (floorText !== '') {
      const floor = parseFloor(floorText)
      if (floor === null || floor < -5 || floor > 200) problem('floor', 'bad_floor', `"${floorText}" is not a floor: give a whole number from -5 to 200 (9, 9F, B1).`)
      else facts.floor = floor
    } else if (!known) {
      const floor = floorFromNumber(number)
      if (floor !== null) {
        facts.floor = floor
        derivedFloor = true
      } else if (columns.has('floor')) problem('floor', 'required', `room ${number} is new and needs a floor.`)
      else newRoomsWithout.set('floor', (newRoomsWithout.get('floor') ?? 0) + 1)
    }
    const facingText = cell(cells, 'facing')
    if (facingText !== '') {
      const facing = parseFacing(facingText)
      if (!facing) problem('facing', 'bad_facing', `"${facingText}" is not a facing: use N, NE, E, SE, S, SW, W, NW (or 北, 东北, 东, 东南, 南, 西南, 西, 西北).`)
      else facts.facing = facing
    } else if (!known) {
      if (columns.has('facing')) problem('facing', 'required', `room ${number} is new and needs a facing.`)
      else newRoomsWithout.set('facing', (newRoomsWithout.get('facing') ?? 0) + 1)
    }
    const bedText = cell(cells, 'bed')
    if (bedText !== '') {
      const bed = parseBed(bedText)
      if (!bed) problem('bed', 'bad_bed', `"${bedText}" is not a bed: use king, queen or twin (大床, 中床, 双床).`)
      else facts.bed = bed
    } else if (!known) {
      if (columns.has('bed')) problem('bed', 'required', `room ${number} is new and needs a bed.`)
      else newRoomsWithout.set('bed', (newRoomsWithout.get('bed') ?? 0) + 1)
    }
    const viewText = cell(cells, 'view')
    if (viewText !== '') {
      const view = parseView(viewText)
      if (view !== null && [...view].length > 40) problem('view', 'bad_view', 'the view is longer than 40 characters.')
      else facts.view = view
    }
    const featureText = cell(cells, 'features')
    if (featureText !== '') {
      const { features, unknown } = parseFeatureList(featureText)
      if (unknown.length > 0) {
        problem('features', 'bad_feature', `${unknown.map((u) => `"${u}"`).join(', ')} is not a feature Zhike knows: use visual alarm, accessible, connecting, bathtub, quiet, near lift or smoking.`, unknown.join(', '))
      } else facts.features = features
    }
    const typeText = cell(cells, 'roomType')
    if (typeText !== '') {
      const type = typeText.normalize('NFKC').trim().toUpperCase()
      if (!roomTypePattern.test(type)) problem('roomType', 'bad_room_type', `"${typeText}" is not a room type code: use 1–12 letters, digits, - or _, such as DKN.`)
      else facts.roomType = type
    }
    if (bad) continue
    if (!known) {
      if (facts.floor === undefined || facts.facing === undefined || facts.bed === undefined) continue // a column is needed: reported once below
      rows.push({ line, number, action: 'create', facts, floorFromNumber: derivedFloor })
      continue
    }
    rows.push({ line, number: known.number, action: differs(known, facts) ? 'update' : 'unchanged', facts, floorFromNumber: false })
  }
  for (const field of roomColumnFields) {
    const count = newRoomsWithout.get(field)
    if (count === undefined) continue
    add({
      line: file.headerLine,
      field,
      column: null,
      code: 'column_needed',
      value: String(count),
      message: `${count} new rooms need a ${field}, and no column is chosen for it${field === 'floor' ? ' (and their numbers do not say it)' : ''}. Choose the column, or add one to the file.`,
    })
  }
  if (dropped > 0) {
    const last = problems[problems.length - 1]
    problems.push({ line: last.line, field: null, column: null, code: 'more_errors', value: String(dropped), message: `${dropped} more problems are not listed. Fix the ones above and check the file again.` })
  }
  return { rows, errors: problems }
}

/** Whether the row's facts change anything about the room. */
function differs(room: ExistingRoom, facts: RoomSheetFacts): boolean {
  if (facts.floor !== undefined && facts.floor !== room.floor) return true
  if (facts.facing !== undefined && facts.facing !== room.facing) return true
  if (facts.view !== undefined && facts.view !== room.view) return true
  if (facts.bed !== undefined && facts.bed !== room.bed) return true
  if (facts.roomType !== undefined && facts.roomType !== room.roomType) return true
  if (facts.features !== undefined) {
    const a = [...new Set(facts.features)].sort().join(' ')
    const b = [...room.features].sort().join(' ')
    if (a !== b) return true
  }
  return false
}
