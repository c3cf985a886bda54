import { describe, expect, it } from 'vitest'
import { minimumPinFor, pinChangeProblems } from '../../src/features/session/pin-form'
import { filterStaff, staffFormProblems, staffRoles, type StaffEntry } from '../../src/features/staff/staff-filter'
import { minimumPinLength } from '../../electron/core/staff/pin-rules'
import { roles } from '../../electron/core/staff/roles'

describe('the PIN change form says what core would refuse', () => {
  it('uses the same minimum per role as core', () => {
    for (const role of roles) expect(minimumPinFor(role), role).toBe(minimumPinLength[role])
  })

  it('names each field to fix', () => {
    expect(pinChangeProblems({ currentPin: '', newPin: '12a4', repeatPin: '' }, 'front_desk')).toEqual({ currentPin: 'currentMissing', newPin: 'digits' })
    expect(pinChangeProblems({ currentPin: '1234', newPin: '5678', repeatPin: '5678' }, 'manager')).toEqual({ newPin: 'short' })
    expect(pinChangeProblems({ currentPin: '1234', newPin: '1234', repeatPin: '1234' }, 'department')).toEqual({ newPin: 'same' })
    expect(pinChangeProblems({ currentPin: '1234', newPin: '5678', repeatPin: '5679' }, 'department')).toEqual({ repeatPin: 'mismatch' })
    expect(pinChangeProblems({ currentPin: '1234', newPin: '567890', repeatPin: '567890' }, 'admin')).toEqual({})
  })
})

describe('the Staff screen', () => {
  const person = (code: string, role: StaffEntry['role'], active: boolean, name = code): StaffEntry => ({
    id: code.length, code, name, romanName: null, role, department: 'housekeeping', active, mustChangePin: false, lastSignInAt: null,
  })
  const list = [person('hk01', 'department_lead', true, '刘秀兰'), person('hk02', 'department', false, 'Yang'), person('fd01', 'front_desk', true)]

  it('offers every role core knows, in its order', () => {
    expect(staffRoles).toEqual(roles)
  })

  it('filters by status, role and a part of a name or code', () => {
    expect(filterStaff(list, { status: 'active', role: null, text: '' }).map((s) => s.code)).toEqual(['hk01', 'fd01'])
    expect(filterStaff(list, { status: 'inactive', role: null, text: '' }).map((s) => s.code)).toEqual(['hk02'])
    expect(filterStaff(list, { status: 'all', role: 'department', text: '' }).map((s) => s.code)).toEqual(['hk02'])
    expect(filterStaff(list, { status: 'all', role: null, text: '秀' }).map((s) => s.code)).toEqual(['hk01'])
    expect(filterStaff(list, { status: 'all', role: null, text: 'FD0' }).map((s) => s.code)).toEqual(['fd01'])
  })

  it('asks for a code and a long enough PIN only when adding', () => {
    const form = { code: 'X', name: ' ', romanName: '', role: 'manager' as const, department: '', pin: '1234' }
    expect(staffFormProblems(form, true)).toEqual({ code: 'codeShape', name: 'nameMissing', department: 'departmentMissing', pin: 'pinShort' })
    expect(staffFormProblems(form, false)).toEqual({ name: 'nameMissing', department: 'departmentMissing' })
  })
})
