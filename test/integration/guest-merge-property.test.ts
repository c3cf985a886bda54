import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Result } from '../../electron/core/core'
import { seedSmallHotel, tempStore, type SmallHotel } from '../fixtures/test-store'

/**
 * Random sequences of edit / preference / merge / undo / unmerge on four guests, checked
 * against a model of what belongs to whom. One store for every run (each run makes its own
 * guests), so a hundred runs take seconds.
 */

type Stored = string | number | null
const columns = ['phone', 'email', 'company', 'notes', 'vip', 'restricted', 'consent_marketing', 'consent_sensitive'] as const
type Column = (typeof columns)[number]
const choosable = ['phone', 'email', 'company', 'notes'] as const
const pools: Record<Column, Stored[]> = {
  phone: ['13800000001', '+852 9123 4567', null],
  email: ['wei@example.cn', 'kaho@example.hk', null],
  company: ['Sinobuild', 'Harbour Trading', null],
  notes: ['Late check-out', 'Quiet room, high floor', null],
  vip: [0, 1, 2, 3],
  restricted: [0, 1],
  consent_marketing: [0, 1, null],
  consent_sensitive: [0, 1, null],
}
const patchKey: Record<Column, string> = {
  phone: 'phone',
  email: 'email',
  company: 'company',
  notes: 'notes',
  vip: 'vip',
  restricted: 'restricted',
  consent_marketing: 'consentMarketing',
  consent_sensitive: 'consentSensitive',
}
const asPatch = (column: Column, value: Stored) =>
  column === 'restricted' ? value === 1 : column.startsWith('consent_') ? (value === null ? null : value === 1) : value
const guests = 4

type Command =
  | { kind: 'edit'; guest: number; column: Column; pick: number }
  | { kind: 'preference'; guest: number }
  | { kind: 'merge'; survivor: number; merged: number; choose: [string, 'survivor' | 'merged'][] }
  | { kind: 'undo'; guest: number }
  | { kind: 'unmerge'; merge: number }

const guestIndex = fc.nat(guests - 1)
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('edit' as const), guest: guestIndex, column: fc.constantFrom(...columns), pick: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('preference' as const), guest: guestIndex }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('merge' as const),
      // Often the same survivor, so that several merges stack on one profile and are undone out of order.
      survivor: fc.oneof(fc.constant(0), guestIndex),
      merged: guestIndex,
      choose: fc.array(fc.tuple(fc.constantFrom(...choosable), fc.constantFrom('survivor' as const, 'merged' as const)), { maxLength: 3 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('undo' as const), guest: guestIndex }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('unmerge' as const), merge: fc.nat(7) }) },
)
const initialGuest = fc.record({ phone: fc.nat(3), email: fc.nat(3), company: fc.nat(3), notes: fc.nat(3), vip: fc.nat(3) })

/** A change a person made (an edit, or a withdrawal an unmerge carried), in the order things happened. */
interface Change {
  seq: number
  column: Column
  value: Stored
  undone: boolean
}
/** What `guest.undo` would meet on a guest, newest last: an edit, a preference, or a merge/unmerge. */
interface Event {
  kind: 'edit' | 'preference' | 'merge'
  changes: Change[]
  undone: boolean
}

class Model {
  seq = 0
  ids: number[] = []
  initial: Record<Column, Stored>[] = []
  changes: Change[][] = []
  events: Event[][] = []
  mergedInto: (number | null)[] = []
  merges: { id: number; survivor: number; merged: number; seq: number; undone: boolean }[] = []
  preferences: { id: number; creator: number }[] = []

  lastLive(g: number, column: Column, afterSeq = -1): Change | undefined {
    return this.changes[g].filter((c) => c.column === column && !c.undone && c.seq > afterSeq).at(-1)
  }
  own(g: number, column: Column): Stored {
    const last = this.lastLive(g, column)
    return last ? last.value : this.initial[g][column]
  }
  marker(...gs: number[]) {
    for (const g of gs) this.events[g].push({ kind: 'merge', changes: [], undone: false })
  }
}

let store: ReturnType<typeof tempStore>
let hotel: SmallHotel
beforeAll(() => {
  store = tempStore()
  hotel = seedSmallHotel(store.core)
})
afterAll(() => store.cleanup())

const call = (name: string, input: unknown): Result => hotel.call(hotel.admin, name, input)
const row = (id: number) => store.core.sqlite.prepare('SELECT * FROM guest WHERE id = ?').get(id) as Record<string, Stored>
const rowsOf = (ids: number[]) => ids.map((id) => ({ ...row(id), ...{ preferences: store.core.sqlite.prepare('SELECT id FROM preference WHERE guest_id = ? ORDER BY id').all(id) } }))

/** Refusals are AppErrors with the expected code, and change nothing. */
function expectRefusal(result: Result, code: string, before: unknown, model: Model) {
  if (result.ok) throw new Error(`expected ${code}, got success ${JSON.stringify(result.value).slice(0, 200)}`)
  expect(result.error.code).toBe(code)
  expect(rowsOf(model.ids)).toEqual(before)
}

function value<T>(result: Result): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`)
  return result.value as T
}

function unmerge(model: Model, index: number) {
  const m = model.merges[index]
  const [s, b] = [m.survivor, m.merged]
  const before = row(model.ids[s])
  const result = value<{ keptFields: string[]; withdrawalsCarried: string[] }>(call('guest.unmerge', { mergeId: m.id }))
  model.seq++
  const after = row(model.ids[s])
  // Post-merge changes are never lost: every field a person changed since the merge keeps its value.
  const changedSince = columns.filter((c) => model.lastLive(s, c, m.seq))
  for (const column of changedSince) expect(after[column], `${column} kept after unmerge`).toEqual(before[column])
  expect(result.keptFields.every((f) => (changedSince as readonly string[]).includes(f))).toBe(true)
  for (const column of ['consent_marketing', 'consent_sensitive'] as const) {
    if (model.lastLive(s, column, m.seq)?.value === 0) model.changes[b].push({ seq: model.seq, column, value: 0, undone: false })
  }
  expect([...result.withdrawalsCarried].sort()).toEqual(
    (['consent_marketing', 'consent_sensitive'] as const).filter((c) => model.lastLive(s, c, m.seq)?.value === 0),
  )
  m.undone = true
  model.mergedInto[b] = null
  model.marker(s, b)
}

function run(model: Model, cmd: Command) {
  const before = rowsOf(model.ids)
  const live = (g: number) => model.mergedInto[g] === null
  model.seq++
  switch (cmd.kind) {
    case 'edit': {
      const pool = pools[cmd.column]
      const next = pool[cmd.pick % pool.length]
      const consent = cmd.column.startsWith('consent_')
      const wasAsked = live(cmd.guest) && row(model.ids[cmd.guest])[cmd.column] !== null
      const result = call('guest.update', { guestId: model.ids[cmd.guest], fields: { [patchKey[cmd.column]]: asPatch(cmd.column, next) } })
      if (!live(cmd.guest)) return expectRefusal(result, 'NOT_FOUND', before, model)
      // Issue 12: consent once asked is given or withdrawn, never "not asked" again.
      if (consent && next === null && wasAsked) return expectRefusal(result, 'VALIDATION', before, model)
      const { changed } = value<{ changed: string[] }>(result)
      if (changed.length === 0) return
      const change = { seq: model.seq, column: cmd.column, value: next, undone: false }
      model.changes[cmd.guest].push(change)
      // Issue 12: a consent is a record of the guest's choice, never undone by guest.undo.
      if (!consent) model.events[cmd.guest].push({ kind: 'edit', changes: [change], undone: false })
      return
    }
    case 'preference': {
      const result = call('preference.add', { guestId: model.ids[cmd.guest], category: 'room', code: 'floor', value: String(10 + cmd.guest) })
      if (!live(cmd.guest)) return expectRefusal(result, 'NOT_FOUND', before, model)
      model.preferences.push({ id: value<{ id: number }>(result).id, creator: cmd.guest })
      model.events[cmd.guest].push({ kind: 'preference', changes: [], undone: false })
      return
    }
    case 'undo': {
      const result = call('guest.undo', { guestId: model.ids[cmd.guest] })
      if (!live(cmd.guest)) return expectRefusal(result, 'NOT_FOUND', before, model)
      const last = model.events[cmd.guest].filter((e) => !e.undone).at(-1)
      if (!last) return expectRefusal(result, 'NOTHING_TO_UNDO', before, model)
      if (last.kind === 'merge') return expectRefusal(result, 'UNDO_PAST_MERGE', before, model)
      value(result)
      last.undone = true
      for (const change of last.changes) change.undone = true
      return
    }
    case 'merge': {
      const result = call('guest.merge', { survivorId: model.ids[cmd.survivor], mergedId: model.ids[cmd.merged], choose: Object.fromEntries(cmd.choose) })
      if (cmd.survivor === cmd.merged) return expectRefusal(result, 'MERGE_SELF', before, model)
      if (!live(cmd.survivor) || !live(cmd.merged)) return expectRefusal(result, 'NOT_FOUND', before, model)
      model.merges.push({ id: value<{ mergeId: number }>(result).mergeId, survivor: cmd.survivor, merged: cmd.merged, seq: model.seq, undone: false })
      model.mergedInto[cmd.merged] = cmd.survivor
      model.marker(cmd.survivor, cmd.merged)
      return
    }
    case 'unmerge': {
      if (model.merges.length === 0) return
      const index = cmd.merge % model.merges.length
      const m = model.merges[index]
      if (m.undone) return expectRefusal(call('guest.unmerge', { mergeId: m.id }), 'MERGE_STATE', before, model)
      if (!live(m.survivor)) {
        const result = call('guest.unmerge', { mergeId: m.id })
        expectRefusal(result, 'MERGE_ORDER', before, model)
        const blocking = model.merges.find((x) => !x.undone && x.merged === m.survivor)!
        expect(!result.ok && result.error.details?.mergeId).toBe(blocking.id)
        return
      }
      return unmerge(model, index)
    }
  }
}

/** Privacy choices are never reverted: a live guest's last consent withdrawal or restriction holds. */
function expectPrivacyHolds(model: Model) {
  model.ids.forEach((id, g) => {
    if (model.mergedInto[g] !== null) return
    const now = row(id)
    for (const column of ['consent_marketing', 'consent_sensitive'] as const) {
      if (model.lastLive(g, column)?.value === 0) expect(now[column], `guest ${g} ${column}`).toBe(0)
    }
    if (model.lastLive(g, 'restricted')?.value === 1) expect(now.restricted, `guest ${g} restricted`).toBe(1)
  })
}

describe('merge, edit, undo and unmerge in any sequence', () => {
  it('never loses a post-merge change or a privacy choice, and unmerging everything gives every guest back its own', () => {
    let runs = 0
    fc.assert(
      fc.property(
        fc.array(initialGuest, { minLength: guests, maxLength: guests }),
        fc.array(command, { minLength: 8, maxLength: 30, size: 'max' }),
        fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
        (initial, commands, unmergeOrder) => {
          runs++
          const model = new Model()
          initial.forEach((picks, g) => {
            const fields: Record<Column, Stored> = { phone: null, email: null, company: null, notes: null, vip: 0, restricted: 0, consent_marketing: null, consent_sensitive: null }
            for (const column of ['phone', 'email', 'company', 'notes', 'vip'] as const) fields[column] = pools[column][picks[column] % pools[column].length]
            const { id } = value<{ id: number }>(call('guest.create', { nativeName: `Guest ${runs}-${g}`, phone: fields.phone, email: fields.email, company: fields.company, notes: fields.notes, vip: fields.vip }))
            model.ids.push(id)
            model.initial.push(fields)
            model.changes.push([])
            model.events.push([])
            model.mergedInto.push(null)
          })
          for (const cmd of commands) {
            run(model, cmd)
            expectPrivacyHolds(model)
          }
          // Unmerge every remaining merge, in a random order the chains allow.
          for (let step = 0; ; step++) {
            const ready = model.merges.map((m, i) => ({ m, i })).filter(({ m }) => !m.undone && model.mergedInto[m.survivor] === null)
            if (ready.length === 0) break
            unmerge(model, ready[unmergeOrder[step % unmergeOrder.length] % ready.length].i)
            expectPrivacyHolds(model)
          }
          model.ids.forEach((id, g) => {
            const now = row(id)
            expect(now.merged_into).toBeNull()
            for (const column of columns) expect(now[column], `guest ${g} ${column}`).toEqual(model.own(g, column))
          })
          for (const p of model.preferences) {
            const owner = store.core.sqlite.prepare('SELECT guest_id FROM preference WHERE id = ?').get(p.id) as { guest_id: number }
            expect(owner.guest_id).toBe(model.ids[p.creator])
          }
        },
      ),
      { numRuns: 80 },
    )
  })
})
