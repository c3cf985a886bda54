/*
 * The add/edit room form: its values, the checks made before anything is sent, and where a
 * refusal from the store belongs. Pure (test/unit/room-form.test.ts).
 */

export const facingCodes = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'] as const
export const bedCodes = ['king', 'queen', 'twin'] as const
export const featureCodes = ['visual_alarm', 'accessible', 'connecting', 'bathtub', 'quiet', 'near_lift', 'smoking'] as const
/** Views the vocabulary names (room.view preferences use these codes); any other word may be typed. */
export const viewCodes = ['river', 'city', 'garden', 'mountain', 'sea', 'lake'] as const

export interface RoomFormValues {
  number: string
  floor: string
  facing: string
  bed: string
  view: string
  features: string[]
  roomType: string
}

export type RoomFormField = 'number' | 'floor' | 'facing' | 'bed' | 'view' | 'roomType'

/** A room as room.list gives it, enough to fill the form. */
export interface RoomFacts {
  number: string
  floor: number
  facing: string
  bed: string
  view: string | null
  features: string[]
  roomType: string
}

export const emptyRoomForm: RoomFormValues = { number: '', floor: '', facing: '', bed: '', view: '', features: [], roomType: '' }

export function formOfRoom(room: RoomFacts): RoomFormValues {
  return { number: room.number, floor: String(room.floor), facing: room.facing, bed: room.bed, view: room.view ?? '', features: [...room.features], roomType: room.roomType }
}

/**
 * The message key (under roomSetup.form.errors) for each field that is wrong, before sending.
 * A new room's floor is filled in from its number when left empty (905 → 9), as the import does.
 */
export function checkRoomForm(values: RoomFormValues, isNew: boolean): Partial<Record<RoomFormField, string>> {
  const errors: Partial<Record<RoomFormField, string>> = {}
  if (isNew && !/^[0-9A-Za-z-]{1,10}$/.test(values.number.trim())) errors.number = 'number'
  const floor = values.floor.trim()
  if (!/^-?\d{1,3}$/.test(floor) || Number(floor) < -5 || Number(floor) > 200) errors.floor = 'floor'
  if (!(facingCodes as readonly string[]).includes(values.facing)) errors.facing = 'facing'
  if (!(bedCodes as readonly string[]).includes(values.bed)) errors.bed = 'bed'
  if ([...values.view.trim()].length > 40) errors.view = 'view'
  if (!/^([A-Za-z0-9_-]{1,12})?$/.test(values.roomType.trim())) errors.roomType = 'roomType'
  return errors
}

/** The floor a room number says (905 → 9, 1203 → 12), or '' when it does not say one. */
export function floorOfNumber(number: string): string {
  return /^\d{3,4}$/.test(number.trim()) ? String(Math.floor(Number(number.trim()) / 100)) : ''
}

/** The input room.create takes. */
export function createInput(values: RoomFormValues) {
  return {
    number: values.number.trim(),
    floor: Number(values.floor.trim()),
    facing: values.facing as (typeof facingCodes)[number],
    bed: values.bed as (typeof bedCodes)[number],
    view: values.view.trim() || null,
    features: values.features as (typeof featureCodes)[number][],
    roomType: values.roomType.trim(),
  }
}

/** The input room.update takes: every fact (unchanged ones change nothing). */
export function updateInput(values: RoomFormValues) {
  const { number, ...facts } = createInput(values)
  return { roomNumber: number, ...facts }
}

/**
 * Where a refusal of room.create/room.update belongs: `{ field, key, params }` for the message
 * under roomSetup.form.errors, or null when it names no field of the form (shown as an alert).
 */
export function placeRoomError(error: unknown, number: string): { field: RoomFormField; key: string; params?: Record<string, string> } | null {
  if (typeof error !== 'object' || error === null) return null
  const { code, details } = error as { code?: unknown; details?: Record<string, unknown> }
  if (code !== 'VALIDATION') return null
  const issues = Array.isArray(details?.issues) ? (details.issues as { path?: unknown }[]) : []
  const path = issues.map((i) => String(i.path ?? '').split('.')[0]).find((p) => p !== '')
  if (path === 'number') return { field: 'number', key: details?.retired ? 'numberRetired' : 'numberTaken', params: { number: number.trim().toUpperCase() } }
  const fields: RoomFormField[] = ['floor', 'facing', 'bed', 'view', 'roomType']
  const field = fields.find((f) => f === path)
  return field ? { field, key: field } : null
}
