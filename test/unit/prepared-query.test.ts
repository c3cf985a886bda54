import { describe, expect, it } from 'vitest'
import { prepared, qb } from '../../electron/core/db/query'

describe('prepared(): a query compiled once with named parameters', () => {
  it('refuses a parameter used inside an expression, which would compile "[object Object]" into every row', () => {
    const stayStart = prepared((s: { arrival: string }) => qb.selectFrom('stay').select('id').where('checked_in_at', '=', `${s.arrival}T14:00:00.000Z`))
    expect(() => stayStart.all(undefined as never, { arrival: '2026-12-01' })).toThrow(/"arrival" was used inside an expression/)
  })
})
