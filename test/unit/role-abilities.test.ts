import { describe, expect, it } from 'vitest'
import { handsOutPrompts, isDepartmentStaff, readsGuestProfiles, seesWholeDocuments } from '../../src/app/role-abilities'
import { isDepartmentStaff as coreIsDepartmentStaff, roleAllows, roles } from '../../electron/core/staff/roles'

describe('what the screens offer each role matches what core grants it', () => {
  it.each(roles)('%s', (role) => {
    expect(readsGuestProfiles(role)).toBe(roleAllows(role, 'guest.read'))
    expect(handsOutPrompts(role)).toBe(roleAllows(role, 'prompt.assign'))
    expect(isDepartmentStaff(role)).toBe(coreIsDepartmentStaff(role))
    expect(seesWholeDocuments(role)).toBe(roleAllows(role, 'guest.document'))
  })

  it('an attendant neither reads profiles nor hands out prompts; the lead hands them out', () => {
    expect([readsGuestProfiles('department'), handsOutPrompts('department')]).toEqual([false, false])
    expect([readsGuestProfiles('department_lead'), handsOutPrompts('department_lead')]).toEqual([false, true])
  })
})
