import { isSensitivePreference } from '../guests/consent.sensitive'
import { addDays } from '../clock'
import type { Actor } from '../context'
import type { Result } from '../core'
import { AppError } from '../errors'
import type { DemoData } from './demo-data'

type Call = (actor: Actor | null, name: string, input: unknown) => Result

/**
 * Loads the demo hotel through the same operations the screens use, so the demo can never
 * hold data the app itself would refuse. Stops at the first refusal, naming what failed.
 */
export function loadDemoHotel(call: Call, data: DemoData, now: Date): { rooms: number; guests: number; arrivalsToday: number } {
  const must = <T>(actor: Actor | null, name: string, input: unknown, what: string): T => {
    const result = call(actor, name, input)
    if (!result.ok) throw new AppError('VALIDATION', `Demo data: ${what}: ${result.error.message}`, { operation: name })
    return result.value as T
  }
  const adminRow = data.hotel.staff.find((s) => s.role === 'admin') ?? data.hotel.staff[0]
  const { staff: admin } = must<{ staff: Actor }>(
    null,
    'setup.createFirstAdmin',
    {
      hotelName: data.hotel.hotel.name,
      departments: data.hotel.departments,
      admin: { code: adminRow.code, name: adminRow.name, romanName: adminRow.roman, pin: adminRow.pin },
    },
    'first administrator',
  )
  // The demo's days count from the hotel's business date, not the machine's calendar.
  const today = must<{ businessDate: string }>(admin, 'hotel.clock', {}, 'hotel clock').businessDate
  for (const o of data.hotel.outlets) must(admin, 'department.create', o, `outlet ${o.code}`)
  for (const s of data.hotel.staff) {
    if (s.code === adminRow.code) continue
    must(admin, 'staff.create', { code: s.code, name: s.name, romanName: s.roman, department: s.department, role: s.role, pin: s.pin }, `staff ${s.code}`)
  }
  for (const r of data.hotel.rooms) must(admin, 'room.create', r, `room ${r.number}`)
  for (const r of data.rules) must(admin, 'rule.create', r, `rule ${r.key}`)

  // The front desk records guests and checks them in, so check-in prompts name a desk clerk.
  const deskRow = data.hotel.staff.find((s) => s.role === 'front_desk')
  const desk = deskRow ? must<{ staff: Actor }>(null, 'session.signIn', { code: deskRow.code, pin: deskRow.pin }, 'desk sign-in').staff : admin
  let arrivalsToday = 0
  const inHouseBefore: number[] = []
  const vipRooms: { stayId: number; roomNumber: string }[] = []
  const guestIds = new Map<string, number>()
  for (const g of data.guests) {
    const { key: _key, preferences, stays, observations: _observations, consentMarketing, ...fields } = g
    const { id: guestId } = must<{ id: number }>(admin, 'guest.create', fields, `guest ${g.key}`)
    // Consent is recorded after the guest exists, as the desk does when the guest answers.
    if (consentMarketing !== undefined && consentMarketing !== null) must(admin, 'guest.update', { guestId, fields: { consentMarketing } }, `consent of ${g.key}`)
    guestIds.set(g.key, guestId)
    // Health needs kept from stay to stay: the demo's guests signed the consent to sensitive data (PIPL Art. 29).
    if ((preferences as { category: string; code: string; value: string; scope?: string }[]).some((p) => (p.scope ?? 'always') === 'always' && isSensitivePreference(p))) {
      must(admin, 'consent.record', { guestId, kind: 'sensitive', given: true, method: 'paper_form' }, `sensitive-data consent of ${g.key}`)
    }
    for (const { noticedDaysAgo, ...p } of preferences as { noticedDaysAgo?: number }[]) {
      // A preference noticed long ago shows at check-in as one to confirm with the guest.
      if (noticedDaysAgo) must(admin, 'preference.import', { ...p, guestId, noticedOn: addDays(today, -noticedDaysAgo) }, `preference of ${g.key}`)
      else must(admin, 'preference.add', { ...p, guestId }, `preference of ${g.key}`)
    }
    for (const s of [...stays].sort((a, b) => a.arrival - b.arrival)) {
      const arrival = addDays(today, s.arrival)
      const departure = addDays(today, s.arrival + s.nights)
      const party = s.party ?? 1
      if (s.arrival + s.nights <= 0) {
        must(admin, 'stay.import', { guestId, arrival, departure, party, roomNumber: s.room, status: 'checked_out' }, `past stay of ${g.key}`)
      } else if (s.arrival < 0) {
        const { stayId } = must<{ stayId: number }>(admin, 'stay.import', { guestId, arrival, departure, party, status: 'reserved' }, `stay of ${g.key}`)
        must(desk, 'stay.checkIn', { stayId, roomNumber: s.room }, `check-in of ${g.key}`)
        inHouseBefore.push(stayId)
      } else {
        const { stayId } = must<{ stayId: number }>(desk, 'stay.reserve', { guestId, arrival, departure, party }, `reservation of ${g.key}`)
        if (s.arrival === 0) arrivalsToday++
        // VIPs arriving today have their room of last time pre-assigned, so its preparation
        // (orchids, tea set, the visual-alarm kit) falls due before they arrive.
        const lastRoom = [...stays].filter((p) => p.arrival < 0 && p.room).sort((a, b) => b.arrival - a.arrival)[0]?.room
        if (s.arrival === 0 && Number(g.vip ?? 0) >= 2 && lastRoom) vipRooms.push({ stayId, roomNumber: lastRoom })
      }
    }
  }

  // Once every stay is in place: a VIP's room of last time, when no other stay holds it tonight.
  for (const { stayId, roomNumber } of vipRooms) call(desk, 'stay.assignRoom', { stayId, roomNumber })

  const signedIn = new Map<string, Actor>()
  const staffActor = (code: string): Actor => {
    const row = data.hotel.staff.find((s) => s.code === code)
    if (!row) throw new AppError('VALIDATION', `Demo data: no staff member ${code}`, { staff: code })
    if (!signedIn.has(code)) signedIn.set(code, must<{ staff: Actor }>(null, 'session.signIn', { code, pin: row.pin }, `sign-in of ${code}`).staff)
    return signedIn.get(code)!
  }

  // Guests who arrived on earlier days were looked after then: the departments acknowledged their
  // prompts, so no phone fills with escalations of old work minutes after the demo opens. Work
  // whose promise to acknowledge runs longer than the first hour (an offer at the next
  // breakfast: the outlets tour takes up the dim sum offer of room 614) is left open to take up.
  const firstHourEnds = now.getTime() + 60 * 60_000
  const memberOf = (department: string | null) => data.hotel.staff.find((s) => s.department === department && s.role !== 'admin' && s.role !== 'manager')
  for (const stayId of inHouseBefore) {
    for (const p of must<{ id: number; status: string; department: string; parentDepartment: string | null; escalateAt: string }[]>(admin, 'prompt.ofStay', { stayId }, 'prompts of an in-house stay')) {
      if (p.status !== 'open' || Date.parse(p.escalateAt) > firstHourEnds) continue
      const member = memberOf(p.department) ?? memberOf(p.parentDepartment)
      must(member ? staffActor(member.code) : admin, 'prompt.acknowledge', { promptId: p.id }, 'a prompt of an earlier day acknowledged')
    }
  }

  // Observations last: they are about guests in house, each reported by the staff member named.
  for (const g of data.guests) {
    for (const o of g.observations ?? []) {
      must(staffActor(o.by), 'observation.record', { guestId: guestIds.get(g.key), text: o.text, suggestion: o.suggestion }, `observation about ${g.key}`)
    }
  }
  return { rooms: data.hotel.rooms.length, guests: data.guests.length, arrivalsToday }
}
