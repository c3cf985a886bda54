import { setTimeout as sleep } from 'node:timers/promises'
import { addDays, localDate } from '../../electron/core/clock'
import { callHub, type HubSession } from './hub-client'
import { Random } from './random'

/** One write as the front desk or a terminal sent it. */
export interface WriteRecord {
  operation: string
  /** Request sent to answer read (ms). */
  ms: number
  /** 'ok', or the error code the hub answered. */
  outcome: string
}

export interface WritePlan {
  seconds: number
  perSecond: number
  /** Guests who may start a stay (no stay today yet). */
  freeGuests: number[]
  /** Reservations arriving today, not yet checked in. */
  arrivals: { stayId: number; guestId: number }[]
  vacantRooms: string[]
  /** Called once a second with the seconds elapsed (memory samples, progress). */
  everySecond?: (second: number) => void
}

interface Visit {
  guestId: number
  room: string
  stayId: number
  /** Steps of this visit not yet answered; at zero the guest checks out. */
  open: number
}

interface Step {
  due: number
  operation: string
  input: unknown
  by: HubSession
  then?: (value: any) => void
  failed?: (code: string) => void
}

/** Writes in flight at most; beyond it a tick is skipped (and counted) rather than queued. */
export const maxInFlight = 200

/**
 * The hotel at work, at a steady `perSecond` writes: the front desk reserves, checks guests in
 * (prompts to several departments) and out (cancelling what is left open); department terminals
 * acknowledge and complete their prompts and record observations about guests in house. Each tick
 * sends the next step that is due, else starts another guest's visit. Steps of a visit are spaced
 * 0.5–4 s apart, as people would, so many visits overlap.
 */
export async function runHotelWrites(port: number, desk: HubSession, terminals: HubSession[], plan: WritePlan): Promise<{ writes: WriteRecord[]; skippedTicks: number; idleTicks: number }> {
  const random = new Random(2027)
  const today = localDate(new Date())
  const byDepartment = new Map<string, HubSession[]>()
  for (const t of terminals) byDepartment.set(t.actor.department, [...(byDepartment.get(t.actor.department) ?? []), t])
  let nextObserver = 0
  const turn = new Map<string, number>()
  const terminalOf = (department: string): HubSession => {
    const staff = byDepartment.get(department)
    if (!staff) return desk
    const i = turn.get(department) ?? 0
    turn.set(department, i + 1)
    return staff[i % staff.length]
  }
  const gap = () => 500 + random.int(0, 3_500)

  const freeGuests = [...plan.freeGuests]
  const arrivals = [...plan.arrivals]
  const rooms = [...plan.vacantRooms]
  const queue: Step[] = []
  const writes: WriteRecord[] = []
  let inFlight = 0
  let skippedTicks = 0
  let idleTicks = 0

  const finishStep = (visit: Visit) => {
    if (--visit.open > 0) return
    queue.push({
      due: Date.now() + gap(),
      operation: 'stay.checkOut',
      input: { stayId: visit.stayId },
      by: desk,
      then: () => {
        freeGuests.push(visit.guestId)
        rooms.push(visit.room)
      },
    })
  }
  const checkIn = (visit: Visit): Step => ({
    due: Date.now() + gap(),
    operation: 'stay.checkIn',
    input: { stayId: visit.stayId, roomNumber: visit.room },
    by: desk,
    then: ({ prompts }: { prompts: { id: number; department: string }[] }) => {
      visit.open = 1 + prompts.length
      const observer = terminals[nextObserver++ % terminals.length]
      queue.push({
        due: Date.now() + gap(),
        operation: 'observation.record',
        input: { roomNumber: visit.room, text: `Bench: the guest in ${visit.room} asked for more towels.` },
        by: observer,
        then: () => finishStep(visit),
        failed: () => finishStep(visit),
      })
      prompts.forEach((prompt, i) => {
        const staff = terminalOf(prompt.department)
        // Every other prompt is completed; the rest stay acknowledged until check-out cancels them.
        const complete = (): Step => ({ due: Date.now() + gap(), operation: 'prompt.complete', input: { promptId: prompt.id }, by: staff, then: () => finishStep(visit), failed: () => finishStep(visit) })
        queue.push({
          due: Date.now() + gap(),
          operation: 'prompt.acknowledge',
          input: { promptId: prompt.id },
          by: staff,
          then: () => (i % 2 === 0 ? queue.push(complete()) : finishStep(visit)),
          failed: () => finishStep(visit),
        })
      })
    },
  })
  const startVisit = (): Step | null => {
    if (rooms.length === 0) return null
    const arrival = arrivals.shift()
    if (arrival) return { ...checkIn({ guestId: arrival.guestId, stayId: arrival.stayId, room: rooms.shift()!, open: 0 }), due: 0 }
    const guestId = freeGuests.shift()
    if (guestId === undefined) return null
    const room = rooms.shift()!
    return {
      due: 0,
      operation: 'stay.reserve',
      input: { guestId, arrival: today, departure: addDays(today, 1), party: 1 },
      by: desk,
      then: ({ stayId }: { stayId: number }) => queue.push(checkIn({ guestId, room, stayId, open: 0 })),
      // A guest the demo already booked for today: leave them out.
      failed: () => rooms.push(room),
    }
  }
  const nextDue = (now: number): Step | null => {
    let best = -1
    for (let i = 0; i < queue.length; i++) if (queue[i].due <= now && (best < 0 || queue[i].due < queue[best].due)) best = i
    return best < 0 ? null : queue.splice(best, 1)[0]
  }
  const send = async (step: Step) => {
    inFlight++
    try {
      const answer = await callHub(port, step.operation, step.input, step.by.cookie)
      writes.push({ operation: step.operation, ms: answer.ms, outcome: answer.body.ok ? 'ok' : answer.body.error.code })
      if (answer.body.ok) step.then?.(answer.body.value)
      else step.failed?.(answer.body.error.code)
    } catch (error) {
      writes.push({ operation: step.operation, ms: Number.NaN, outcome: `transport: ${(error as Error).message}` })
    } finally {
      inFlight--
    }
  }

  const sent: Promise<void>[] = []
  const ticks = Math.round(plan.seconds * plan.perSecond)
  const started = Date.now()
  for (let i = 0; i < ticks; i++) {
    const due = started + (i * 1000) / plan.perSecond
    if (due > Date.now()) await sleep(due - Date.now())
    if (i % plan.perSecond === 0) plan.everySecond?.(i / plan.perSecond)
    if (inFlight >= maxInFlight) {
      skippedTicks++
      continue
    }
    const step = nextDue(Date.now()) ?? startVisit()
    if (!step) {
      idleTicks++
      continue
    }
    sent.push(send(step))
  }
  await Promise.all(sent)
  return { writes, skippedTicks, idleTicks }
}
