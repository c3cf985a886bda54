import { localDate } from '../../electron/core/clock'
import type { Actor } from '../../electron/core/context'
import type { Sqlite } from '../../electron/core/db/query'
import type { GuestRow } from '../../electron/core/db/tables/guest.table'
import type { PreferenceRow } from '../../electron/core/db/tables/preference.table'
import type { RuleRow } from '../../electron/core/db/tables/rule.table'
import type { StayRow } from '../../electron/core/db/tables/stay.table'
import { displayName } from '../../electron/core/guests/guest-name'
import type { PreferenceFact, Scope, Strength } from '../../electron/core/guests/preference'
import { generatePrompts } from '../../electron/core/prompts/prompt-generation'
import type { PromptView } from '../../electron/core/prompts/prompt.view'
import type { Housekeeping } from '../../electron/core/rooms/room'
import { floorRangeOf, guestContextOf, suggestRooms, type CandidateRoom } from '../../electron/core/rooms/room-suggestion'
import { toRuleFacts } from '../../electron/core/rules/rule.repository'
import { VocabularyLabels } from '../../electron/core/vocabulary/vocabulary.repository'

/**
 * The same work as guest.card, room.suggest and stay.checkIn, written by hand on raw
 * better-sqlite3: the same reads and writes, the same pure functions (suggestRooms,
 * generatePrompts, displayName, the rule-row mapper), none of our layers (operation table, permissions, zod,
 * Kysely-built statements, repositories). The bench checks they answer exactly as the
 * operations do before timing them.
 */
export function rawHotel(sqlite: Sqlite) {
  const s = {
    guest: sqlite.prepare('SELECT * FROM guest WHERE id = ?'),
    stay: sqlite.prepare('SELECT * FROM stay WHERE id = ?'),
    audit: sqlite.prepare('INSERT INTO audit_log (at, staff_id, action, guest_id, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    preferences: sqlite.prepare('SELECT * FROM preference WHERE guest_id = ? AND active = 1 ORDER BY category, code, id'),
    preferencePeople: sqlite.prepare(
      'SELECT preference.id, source.name AS source_name, confirmer.name AS confirmer_name FROM preference LEFT JOIN staff AS source ON source.id = preference.source_staff_id LEFT JOIN staff AS confirmer ON confirmer.id = preference.confirmed_by WHERE preference.guest_id = ? AND preference.active = 1',
    ),
    counts: sqlite.prepare(
      "SELECT (SELECT count(*) FROM prompt WHERE guest_id = ? AND status = 'done') AS prompts_done, (SELECT count(*) FROM observation WHERE guest_id = ?) AS observations",
    ),
    stays: sqlite.prepare(
      'SELECT stay.id, stay.confirmation_no, stay.arrival_date, stay.departure_date, stay.party_size, stay.status, room.number AS room_number FROM stay LEFT JOIN room ON room.id = stay.room_id WHERE stay.guest_id = ? ORDER BY stay.arrival_date DESC',
    ),
    candidates: sqlite.prepare(
      "SELECT id, housekeeping, block, block_from, block_until FROM room WHERE NOT EXISTS (SELECT stay.id FROM stay WHERE stay.room_id = room.id AND stay.status = 'in_house') AND id NOT IN (SELECT room_id FROM stay WHERE status = 'reserved' AND room_id IS NOT NULL AND id <> ? AND arrival_date < ? AND departure_date > ?)",
    ),
    lastRooms: sqlite
      .prepare("SELECT room.number FROM stay JOIN room ON room.id = stay.room_id WHERE stay.guest_id = ? AND stay.status = 'checked_out' ORDER BY stay.departure_date DESC, stay.checked_out_at DESC, stay.id DESC LIMIT 3")
      .pluck(),
    roomByNumber: sqlite.prepare('SELECT * FROM room WHERE number = ?'),
    occupant: sqlite.prepare("SELECT id FROM stay WHERE room_id = ? AND status = 'in_house'"),
    markInHouse: sqlite.prepare("UPDATE stay SET status = 'in_house', room_id = ?, checked_in_at = ?, checked_in_by = ? WHERE id = ? AND status = 'reserved'"),
    rules: sqlite.prepare('SELECT * FROM rule WHERE active = 1 AND trigger = ?'),
    previousStays: sqlite.prepare("SELECT count(*) AS n FROM stay WHERE guest_id = ? AND id != ? AND status = 'checked_out' AND arrival_date < ?"),
    insertPrompt: sqlite.prepare(
      "INSERT INTO prompt (dedupe_key, stay_id, guest_id, rule_id, preference_id, department_code, trigger, text_en, text_zh, priority, status, due_at, escalate_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING",
    ),
    promptView: sqlite.prepare(`SELECT prompt.id, prompt.stay_id, prompt.guest_id, guest.native_name, guest.roman_name, guest.vip, room.number AS room_number, room.floor AS room_floor,
        prompt.kind, prompt.escalated_at, prompt.escalation_level, prompt.overdue_at, prompt.assigned_to, asg.name AS assigned_name, prompt.scheduled_for, prompt.late_minutes,
        prompt.decline_read_at, rdr.name AS decline_read_by, prompt.department_code, department.parent_code, prompt.trigger, prompt.text_en, prompt.text_zh, prompt.priority, prompt.status, prompt.due_at, prompt.escalate_at,
        prompt.created_at, preference.category, preference.code, preference.value, preference.strength, preference.note,
        prompt.acknowledged_at, ack.name AS acknowledged_by, prompt.done_at, fin.name AS done_by, prompt.declined_at, dec.name AS declined_by, prompt.decline_reason
      FROM prompt JOIN guest ON guest.id = prompt.guest_id JOIN stay ON stay.id = prompt.stay_id LEFT JOIN room ON room.id = stay.room_id
        JOIN department ON department.code = prompt.department_code LEFT JOIN preference ON preference.id = prompt.preference_id LEFT JOIN staff ack ON ack.id = prompt.acknowledged_by
        LEFT JOIN staff fin ON fin.id = prompt.done_by LEFT JOIN staff dec ON dec.id = prompt.declined_by
        LEFT JOIN staff asg ON asg.id = prompt.assigned_to LEFT JOIN staff rdr ON rdr.id = prompt.decline_read_by
      WHERE prompt.id = ?`),
  }
  // Reference data the app caches per store (department promises, labels, room facts), loaded once here too.
  const promises = Object.fromEntries(
    (sqlite.prepare('SELECT code, promise_minutes FROM department WHERE active = 1').all() as { code: string; promise_minutes: number }[]).map((d) => [d.code, d.promise_minutes]),
  )
  const labels = new VocabularyLabels(sqlite.prepare('SELECT * FROM vocabulary ORDER BY sort').all() as never)
  const roomFacts = new Map(
    (sqlite.prepare('SELECT id, number, floor, facing, view, bed, features, room_type FROM room').all() as { id: number; number: string; floor: number; facing: string; view: string | null; bed: string; features: string; room_type: string }[]).map(
      (r) => [r.id, { id: r.id, number: r.number, floor: r.floor, facing: r.facing, view: r.view, bed: r.bed, features: r.features === '' ? [] : r.features.split(' '), roomType: r.room_type }],
    ),
  )
  const floors = floorRangeOf(Array.from(roomFacts.values(), (r) => r.floor))

  const fact = (p: PreferenceRow): PreferenceFact => ({
    id: p.id,
    category: p.category,
    code: p.code,
    value: p.value,
    strength: p.strength as Strength,
    scope: p.scope as Scope,
    stayId: p.stay_id,
  })
  const liveGuest = (id: number) => {
    const guest = s.guest.get(id) as GuestRow | undefined
    if (!guest || guest.merged_into !== null) throw new Error(`no guest ${id}`)
    return guest
  }

  const card = sqlite.transaction((guestId: number, actor: Actor) => {
    const now = new Date()
    const g = liveGuest(guestId)
    s.audit.run(now.toISOString(), actor.staffId, 'guest.view', g.id, 'guest', g.id, null)
    const people = new Map(
      (s.preferencePeople.all(g.id) as { id: number; source_name: string | null; confirmer_name: string | null }[]).map((r) => [r.id, r]),
    )
    const preferences = (s.preferences.all(g.id) as PreferenceRow[]).map((p) => ({
      id: p.id,
      category: p.category,
      code: p.code,
      value: p.value,
      strength: p.strength,
      scope: p.scope,
      stayId: p.stay_id,
      note: p.note,
      sourceDepartment: p.source_department,
      sourceStaffId: p.source_staff_id,
      sourceStaff: people.get(p.id)?.source_name ?? null,
      sourceObservationId: p.source_observation_id,
      recordedAt: p.recorded_at,
      lastConfirmedAt: p.last_confirmed_at,
      confirmedBy: people.get(p.id)?.confirmer_name ?? null,
      stale: now.getTime() - Date.parse(p.last_confirmed_at) > 365 * 86_400_000,
    }))
    const counts = s.counts.get(g.id, g.id) as { prompts_done: number; observations: number }
    const stays = s.stays.all(g.id) as { id: number; confirmation_no: string; arrival_date: string; departure_date: string; party_size: number; status: string; room_number: string | null }[]
    const stayed = stays.filter((x) => x.status === 'checked_out' || x.status === 'in_house')
    const alert = (p: { category: string; code: string; strength: string }) => p.category === 'access' || (p.category === 'food' && p.code === 'allergy') || p.strength === 'never'
    const nights = (a: string, d: string) => Math.round((Date.parse(`${d}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000)
    return {
      guest: {
        id: g.id,
        nativeName: g.native_name,
        romanName: g.roman_name,
        salutation: g.salutation,
        gender: g.gender,
        nationality: g.nationality,
        homeCity: g.home_city,
        languages: g.languages ? g.languages.split(',') : [],
        occupation: g.occupation,
        company: g.company,
        phone: g.phone,
        email: g.email,
        birthDate: g.birth_date,
        vip: g.vip,
        notes: g.notes,
        documentNo: g.document_no,
        restricted: g.restricted === 1,
        restrictionNote: g.restriction_note,
        consentMarketing: g.consent_marketing === null ? null : g.consent_marketing === 1,
        consentSensitive: g.consent_sensitive === null ? null : g.consent_sensitive === 1,
      },
      stats: {
        stays: stayed.length,
        nights: stayed.reduce((sum, x) => sum + nights(x.arrival_date, x.departure_date), 0),
        firstStay: stayed.length ? stayed[stayed.length - 1].arrival_date : null,
        lastStay: stayed.length ? stayed[0].arrival_date : null,
        roomsUsed: [...new Set(stayed.map((x) => x.room_number).filter((r): r is string => r !== null))],
        promptsFulfilled: Number(counts.prompts_done),
        observations: Number(counts.observations),
      },
      alerts: preferences.filter(alert),
      preferences: preferences.filter((p) => !alert(p)),
      stays: stays.map((x) => ({
        id: x.id,
        confirmationNo: x.confirmation_no,
        arrival: x.arrival_date,
        departure: x.departure_date,
        party: x.party_size,
        status: x.status,
        roomNumber: x.room_number,
      })),
    }
  })

  function suggest(stayId: number, limit = 8) {
    const stay = s.stay.get(stayId) as StayRow | undefined
    if (!stay) throw new Error(`no stay ${stayId}`)
    const preferences = (s.preferences.all(stay.guest_id) as PreferenceRow[]).map(fact)
    const guest = guestContextOf(preferences, (s.guest.get(stay.guest_id) as GuestRow | undefined)?.vip ?? 0, s.lastRooms.all(stay.guest_id) as string[])
    const today = localDate(new Date())
    const rows = s.candidates.all(stay.id, stay.departure_date, stay.arrival_date) as { id: number; housekeeping: Housekeeping; block: string | null; block_from: string | null; block_until: string | null }[]
    const rooms: CandidateRoom[] = []
    for (const r of rows) {
      const holds = r.block !== null && (r.block_from === null || r.block_from <= today) && (r.block_until === null || r.block_until >= today)
      if (holds && r.block === 'out_of_order') continue
      rooms.push({ room: roomFacts.get(r.id)!, housekeeping: r.housekeeping, outOfService: holds && r.block === 'out_of_service' })
    }
    return suggestRooms({ preferences, rooms, stayId: stay.id, bookedType: stay.room_type, guest, floors, assignedRoomId: stay.status === 'reserved' ? stay.room_id : null, limit })
  }

  const checkIn = sqlite.transaction((stayId: number, roomNumber: string, actor: Actor) => {
    const now = new Date()
    const stay = s.stay.get(stayId) as StayRow | undefined
    if (!stay || stay.status !== 'reserved') throw new Error(`stay ${stayId} is not a reservation`)
    const today = localDate(now)
    if (stay.arrival_date > today || stay.departure_date <= today) throw new Error(`stay ${stayId} does not arrive today`)
    const room = s.roomByNumber.get(roomNumber) as { id: number; number: string; block: string | null } | undefined
    if (!room || room.block === 'out_of_order') throw new Error(`room ${roomNumber} cannot be sold`)
    if (s.occupant.get(room.id) !== undefined) throw new Error(`room ${roomNumber} is occupied`)
    const at = now.toISOString()
    if (s.markInHouse.run(room.id, at, actor.staffId, stay.id).changes !== 1) throw new Error('changed while checking in')
    s.audit.run(at, actor.staffId, 'stay.check_in', stay.guest_id, 'stay', stay.id, JSON.stringify({ room: room.number }))
    const guest = liveGuest(stay.guest_id)
    const rules = (s.rules.all('check_in') as RuleRow[]).map(toRuleFacts)
    const drafts = generatePrompts({
      guestName: { en: displayName(guest, 'en'), zh: displayName(guest, 'zh') },
      stayId: stay.id,
      roomNumber: room.number,
      preferences: (s.preferences.all(guest.id) as PreferenceRow[]).map(fact),
      rules,
      trigger: 'check_in',
      now,
      ackMinutes: promises,
      valueLabel: (category, code, value, lang) => labels.value(category, code, value, lang),
      facts: {
        vip: guest.vip,
        languages: [],
        nationality: guest.nationality,
        previousStays: (s.previousStays.get(guest.id, stay.id, stay.arrival_date) as { n: number }).n,
        arrival: stay.arrival_date,
        departure: stay.departure_date,
        occasionDates: { birthday: [], anniversary: [] },
      },
      arrivalAt: new Date(`${stay.arrival_date}T06:00:00Z`),
      departureAt: new Date(`${stay.departure_date}T04:00:00Z`),
      words: { arrival: { en: stay.arrival_date, zh: stay.arrival_date }, departure: { en: stay.departure_date, zh: stay.departure_date }, date: (d) => d },
    })
    const prompts: PromptView[] = []
    for (const d of drafts) {
      const result = s.insertPrompt.run(
        d.dedupeKey, stay.id, guest.id, d.ruleId, d.preferenceId, d.department, d.trigger, d.text.en, d.text.zh, d.priority, d.dueAt.toISOString(), d.escalateAt.toISOString(), at,
      )
      if (result.changes !== 1) continue
      prompts.push(promptView(s.promptView.get(result.lastInsertRowid) as Record<string, any>))
    }
    return { stayId: stay.id, roomNumber: room.number, prompts }
  })

  /** The bare cost of a durable write: one audit row, one transaction, one WAL fsync. */
  const commitOnly = sqlite.transaction((actor: Actor) => {
    s.audit.run(new Date().toISOString(), actor.staffId, 'bench.commit', null, 'bench', null, null)
  })

  return { card, suggest, checkIn, commitOnly }
}

function promptView(r: Record<string, any>): PromptView {
  return {
    id: r.id,
    stayId: r.stay_id,
    guestId: r.guest_id,
    guest: { nativeName: r.native_name, romanName: r.roman_name, vip: r.vip },
    roomNumber: r.room_number,
    floor: r.room_floor ?? null,
    department: r.department_code,
    parentDepartment: r.parent_code ?? null,
    trigger: r.trigger,
    kind: r.kind === 'standing' ? 'standing' : 'task',
    escalatedAt: r.escalated_at,
    escalationLevel: r.escalation_level,
    overdueAt: r.overdue_at,
    assignedTo: r.assigned_to !== null ? { id: r.assigned_to, name: r.assigned_name ?? '' } : null,
    scheduledFor: r.scheduled_for,
    lateMinutes: r.late_minutes,
    declineRead: r.decline_read_at ? { at: r.decline_read_at, by: r.decline_read_by ?? '' } : null,
    text: { en: r.text_en, zh: r.text_zh },
    priority: r.priority,
    status: r.status,
    dueAt: r.due_at,
    escalateAt: r.escalate_at,
    createdAt: r.created_at,
    reason: r.category ? { category: r.category, code: r.code ?? '', value: r.value ?? '', strength: r.strength ?? '', note: r.note } : null,
    acknowledged: r.acknowledged_at ? { at: r.acknowledged_at, by: r.acknowledged_by ?? '' } : null,
    done: r.done_at ? { at: r.done_at, by: r.done_by ?? '' } : null,
    declined: r.declined_at ? { at: r.declined_at, by: r.declined_by ?? '', reason: r.decline_reason ?? '' } : null,
  }
}
