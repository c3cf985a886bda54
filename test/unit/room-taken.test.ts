import { describe, expect, it } from 'vitest'
import { focusAfterLoss, takenRoom, withoutRoom } from '../../src/features/checkin/room-taken'

const list = ['1001', '1002', '1003'].map((number) => ({ room: { number } }))

describe('a suggested room taken at another desk', () => {
  it('is taken by someone else’s check-in; not by a check-out, a reservation, or our own check-in', () => {
    expect(takenRoom({ stayId: 9, status: 'in_house', roomNumber: '1001' }, 3)).toBe('1001')
    expect(takenRoom({ stayId: 3, status: 'in_house', roomNumber: '1001' }, 3)).toBeNull()
    expect(takenRoom({ stayId: 9, status: 'checked_out', roomNumber: null }, 3)).toBeNull()
    expect(takenRoom({ stayId: 9, status: 'reserved', roomNumber: null }, 3)).toBeNull()
  })

  it('drops out of the list; a room not in it leaves the list as it is', () => {
    expect(withoutRoom(list, '1001')?.map((s) => s.room.number)).toEqual(['1002', '1003'])
    expect(withoutRoom(list, '2001')).toBe(list)
    expect(withoutRoom(undefined, '1001')).toBeUndefined()
  })

  it('moves focus to the room now first, or to the field for another room when none is left', () => {
    expect(focusAfterLoss('1001', ['1002', '1003'])).toBe('top')
    expect(focusAfterLoss('1001', [])).toBe('other')
    expect(focusAfterLoss('1002', ['1002', '1003'])).toBe('keep')
    expect(focusAfterLoss(null, [])).toBe('keep')
  })
})
