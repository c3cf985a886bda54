import { describe, expect, it } from 'vitest'
import { menuFor, pagesFor } from '../../src/app/pages'
import { roleAllows, roles } from '../../electron/core/staff/roles'

describe('the Recovery entry of the main menu', () => {
  it('is there for every role that may read cases, and for no other', () => {
    for (const role of roles) expect(pagesFor(role).includes('recovery'), role).toBe(roleAllows(role, 'recovery.read'))
  })

  it('is a link of its own for the front desk and guest relations, and in the manager’s desk for managers', () => {
    expect(menuFor('front_desk')).toMatchObject({ desk: [] })
    expect(menuFor('front_desk').links).toContain('recovery')
    expect(menuFor('guest_relations').links).toContain('recovery')
    expect(menuFor('guest_relations').desk).toEqual([])
    for (const role of ['manager', 'admin'] as const) {
      expect(menuFor(role).desk, role).toContain('recovery')
      expect(menuFor(role).links, role).not.toContain('recovery')
    }
    expect([...menuFor('department').links, ...menuFor('department').desk]).not.toContain('recovery')
  })
})
