import { describe, expect, it } from 'vitest'
import { roleAllows, roles } from '../../electron/core/staff/roles'
import { mayHandleStays } from '../../src/features/checkin/stay-permission'

describe('who the desk offers check-in to', () => {
  it('offers stays to the front desk, managers and administrators, not to guest relations or departments', () => {
    expect(mayHandleStays('front_desk')).toBe(true)
    expect(mayHandleStays('manager')).toBe(true)
    expect(mayHandleStays('admin')).toBe(true)
    expect(mayHandleStays('guest_relations')).toBe(false)
    expect(mayHandleStays('department')).toBe(false)
    expect(mayHandleStays(undefined)).toBe(false)
  })

  it('agrees with core for every role', () => {
    for (const role of roles) expect(mayHandleStays(role), role).toBe(roleAllows(role, 'stay.write'))
  })
})
