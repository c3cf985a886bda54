import { describe, expect, it } from 'vitest'
import { checkRoomForm, createInput, emptyRoomForm, floorOfNumber, placeRoomError, updateInput } from '../../src/features/room-setup/room-form'
import { isColumnProblem, isRoomFileName } from '../../src/features/room-setup/room-file'
import { findRooms, roomsByFloor } from '../../src/features/room-setup/room-groups'

describe('the add/edit room form', () => {
  const filled = { ...emptyRoomForm, number: '12a', floor: '12', facing: 'S', bed: 'king', view: ' river ', features: ['bathtub'], roomType: 'dkn' }

  it('names each wrong field before anything is sent', () => {
    expect(checkRoomForm(filled, true)).toEqual({})
    expect(checkRoomForm({ ...emptyRoomForm, number: '12 A', floor: '9.5', view: 'x'.repeat(41), roomType: '豪华' }, true)).toEqual({
      number: 'number',
      floor: 'floor',
      facing: 'facing',
      bed: 'bed',
      view: 'view',
      roomType: 'roomType',
    })
    // An existing room's number is not checked: it is not sent as a change.
    expect(checkRoomForm({ ...filled, number: 'anything at all' }, false)).toEqual({})
    expect(checkRoomForm({ ...filled, floor: '201' }, true)).toEqual({ floor: 'floor' })
  })

  it('reads the floor from the number the way the import does', () => {
    expect([floorOfNumber('905'), floorOfNumber('1203'), floorOfNumber('12A')]).toEqual(['9', '12', ''])
  })

  it('sends what room.create and room.update take', () => {
    expect(createInput(filled)).toEqual({ number: '12a', floor: 12, facing: 'S', bed: 'king', view: 'river', features: ['bathtub'], roomType: 'dkn' })
    expect(updateInput({ ...filled, view: '' })).toMatchObject({ roomNumber: '12a', view: null })
  })

  it('puts a refusal beside its field', () => {
    expect(placeRoomError({ code: 'VALIDATION', details: { issues: [{ path: 'number', message: 'Already exists.' }] } }, '12a')).toEqual({ field: 'number', key: 'numberTaken', params: { number: '12A' } })
    expect(placeRoomError({ code: 'VALIDATION', details: { retired: true, issues: [{ path: 'number', message: '' }] } }, '901')).toMatchObject({ key: 'numberRetired' })
    expect(placeRoomError({ code: 'VALIDATION', details: { issues: [{ path: 'floor', message: '' }] } }, '901')).toEqual({ field: 'floor', key: 'floor' })
    expect(placeRoomError({ code: 'FORBIDDEN' }, '901')).toBeNull()
  })
})

describe('the Rooms page', () => {
  it('lists rooms in service by floor, numbers in order, retired ones apart', () => {
    const room = (number: string, floor: number, retiredAt: string | null = null) => ({ number, floor, retiredAt })
    const { floors, retired, inService } = roomsByFloor([room('1010', 10), room('902', 9), room('1002', 10), room('901', 9, '2026-12-01T00:00:00Z')])
    expect(floors.map((f) => [f.floor, f.rooms.map((r) => r.number)])).toEqual([
      [9, ['902']],
      [10, ['1002', '1010']],
    ])
    expect(retired.map((r) => r.number)).toEqual(['901'])
    expect(inService).toHaveLength(3)
    expect(findRooms(floors, ' 10 ').map((f) => [f.floor, f.rooms.map((r) => r.number)])).toEqual([[10, ['1002', '1010']]])
    expect(findRooms(floors, '02').map((f) => f.rooms.map((r) => r.number))).toEqual([['902'], ['1002']])
    expect(findRooms(floors, '12a')).toEqual([])
  })

  it('takes CSV and XLSX files and tells column problems from row problems', () => {
    expect(['rooms.csv', 'ROOMS.XLSX', 'r.txt'].map(isRoomFileName)).toEqual([true, true, true])
    expect(['rooms.xls', 'rooms.pdf'].map(isRoomFileName)).toEqual([false, false])
    expect(['column_needed', 'no_number_column', 'bad_facing', 'duplicate_number'].map(isColumnProblem)).toEqual([true, true, false, false])
  })
})
