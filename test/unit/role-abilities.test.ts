import { describe, expect, it } from 'vitest'
import {
  handsOutPrompts,
  importsSatisfaction,
  isDepartmentStaff,
  managesRecoveryCases,
  readsGuestProfiles,
  readsRecoveryCases,
  recordsSatisfaction,
  seesWholeDocuments,
} from '../../src/app/role-abilities'
import { isDepartmentStaff as coreIsDepartmentStaff, roleAllows, roles } from '../../electron/core/staff/roles'

describe('what the screens offer each role matches what core grants it', () => {
  it.each(roles)('%s', (role) => {
    expect(readsGuestProfiles(role)).toBe(roleAllows(role, 'guest.read'))
    expect(handsOutPrompts(role)).toBe(roleAllows(role, 'prompt.assign'))
    expect(isDepartmentStaff(role)).toBe(coreIsDepartmentStaff(role))
    expect(seesWholeDocuments(role)).toBe(roleAllows(role, 'guest.document'))
    expect(readsRecoveryCases(role)).toBe(roleAllows(role, 'recovery.read'))
    expect(managesRecoveryCases(role)).toBe(roleAllows(role, 'recovery.manage'))
    expect(recordsSatisfaction(role)).toBe(roleAllows(role, 'satisfaction.write'))
    expect(importsSatisfaction(role)).toBe(roleAllows(role, 'satisfaction.import'))
    // Everyone signed in may raise a case (department staff by room number).
    expect(roleAllows(role, 'recovery.raise')).toBe(true)
  })

  it('an attendant neither reads profiles nor hands out prompts; the lead hands them out', () => {
    expect([readsGuestProfiles('department'), handsOutPrompts('department')]).toEqual([false, false])
    expect([readsGuestProfiles('department_lead'), handsOutPrompts('department_lead')]).toEqual([false, true])
  })
})
