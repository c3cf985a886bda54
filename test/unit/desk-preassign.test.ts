import { describe, expect, it } from 'vitest'
import { factAgrees } from '../../src/features/arrivals/arrival-match'
import { chosenRoom, clashingRooms, rowsToApply, vipSheet, type PlanRow, type RoomChoice } from '../../src/features/preassign/preassign-plan'

const room = (number: string): RoomChoice =>
  ({ room: { id: Number(number), number, floor: Number(number.slice(0, -2)), facing: 'S', view: 'garden', bed: 'king', features: [], roomType: 'DKN' }, reasons: [], score: 0, houseRules: [], readiness: 'ready', housekeeping: 'clean', roomType: 'DKN' }) as RoomChoice

function row(stayId: number, vip: number, current: string | null, proposal: string | null, alternatives: string[] = []): PlanRow {
  return {
    stayId,
    confirmationNo: `ZK${stayId}`,
    pmsConfirmation: stayId === 1 ? '48213377' : null,
    guest: { guestId: stayId * 10, nativeName: `Guest ${stayId}`, romanName: null, vip },
    alerts: 0,
    roomType: 'DKN',
    eta: null,
    company: null,
    current,
    proposal: proposal ? room(proposal) : null,
    alternatives: alternatives.map(room),
  }
}

const plan = [row(1, 2, null, '1208', ['1210', '1502']), row(2, 1, '0901', null), row(3, 0, null, '1210', ['1211']), row(4, 0, null, null)]

describe('the pre-assignment plan', () => {
  it('applies the proposal unless the desk picked an alternative', () => {
    expect(chosenRoom(plan[0], {})?.room.number).toBe('1208')
    expect(chosenRoom(plan[0], { 1: '1502' })?.room.number).toBe('1502')
    // A pick that is not among the row's choices (the plan changed) falls back to the proposal.
    expect(chosenRoom(plan[0], { 1: '9999' })?.room.number).toBe('1208')
    expect(chosenRoom(plan[3], {})).toBeNull()
  })

  it('Apply all leaves rooms already chosen and rows with nothing to give, in the plan’s order', () => {
    expect(rowsToApply(plan, {})).toEqual([
      { stayId: 1, roomNumber: '1208' },
      { stayId: 3, roomNumber: '1210' },
    ])
  })

  it('warns when two guests would get one room', () => {
    expect([...clashingRooms(plan, {})]).toEqual([])
    expect([...clashingRooms(plan, { 1: '1210' })]).toEqual(['1210'])
  })

  it('prints VIPs only, highest level first, with the room held or proposed', () => {
    expect(vipSheet(plan, {}).map((l) => [l.guest.nativeName, l.room, l.proposed, l.confirmation])).toEqual([
      ['Guest 1', '1208', true, '48213377'],
      ['Guest 2', '0901', false, 'ZK2'],
    ])
  })
})

describe('comparing a PMS arrival with a profile', () => {
  const person = (phone: string | null, birthDate: string | null, company: string | null) => ({ guestId: 1, nativeName: '张伟', romanName: 'ZHANG Wei', phone, birthDate, vip: 0, company })
  it('compares phones by their last eight digits, and says nothing where either is missing', () => {
    const arrival = person('+86 138 0013 8000', '1980-02-03', 'Huawei')
    expect(factAgrees('phone', arrival, person('13800138000', null, null))).toBe(true)
    expect(factAgrees('phone', arrival, person('+86 139 0000 0000', null, null))).toBe(false)
    expect(factAgrees('birthDate', arrival, person(null, null, null))).toBeNull()
    expect(factAgrees('company', arrival, person(null, null, ' huawei '))).toBe(true)
  })
})
