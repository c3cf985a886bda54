import { z } from 'zod'
import { readsGuestOfInput, readsGuestsInAnswer } from '../audit/audit-reads'
import { recordAudit } from '../audit/audit.repository'
import { actorOf } from '../context'
import { today } from '../hotel-clock'
import { operation } from '../operation'
import { buildBriefingPack, buildPrintedCard, type BriefingPack, type PrintedCard } from './guest-print'
import { requireGuest } from './guest.operations'
import { isoDate } from './guest.schemas'
import { findGuest } from './guest.repository'
import { roleAllows } from '../staff/roles'

/** Who printed, and when: the footer of every printed page. */
export interface PrintStamp {
  /** ISO instant of the print. */
  printedAt: string
  printedBy: string
  /** The hotel's business date when it was printed (YYYY-MM-DD). */
  businessDate: string
}

export const guestPrintOperations = {
  /**
   * One guest's card for print or PDF (`#/print/card/<guestId>`): the guest card (identity, alerts,
   * preferences by category with provenance, stay history) with each preference's observation text
   * and the stay it is printed for (in house, else the next reservation, else null).
   * Input `{ guestId }`. Answers `PrintStamp & { card: PrintedCard }`. Whoever may read guest cards
   * (`guest.read`: front desk, guest relations, managers, administrators); department staff get
   * FORBIDDEN. Writes `guest.print` to the audit log (who, which guest, `{ what: 'card', guests: 1 }`).
   * Errors: NOT_FOUND for an unknown or merged-away guest.
   */
  'guest.printCard': operation({
    kind: 'query', // writes only the audit log (a read of personal data is logged)
    summary: 'A guest’s card for print or PDF: alerts first, preferences by category with who noticed them and when, stay history. Audited.',
    permission: 'guest.read',
    audit: readsGuestOfInput,
    input: z.object({ guestId: z.number().int().positive() }),
    handler(ctx, input): PrintStamp & { card: PrintedCard } {
      const actor = actorOf(ctx)
      const now = ctx.clock.now()
      const businessDate = today(ctx)
      const guest = requireGuest(ctx.sqlite, input.guestId)
      const card = buildPrintedCard(ctx.sqlite, guest, now, businessDate)
      recordAudit(ctx.sqlite, {
        at: now.toISOString(),
        staffId: actor.staffId,
        action: 'guest.print',
        guestId: guest.id,
        entity: 'guest',
        entityId: guest.id,
        detail: { what: 'card', guests: 1 },
      })
      return { printedAt: now.toISOString(), printedBy: actor.name, businessDate, card }
    },
  }),

  /**
   * The morning briefing pack (`#/print/briefing`, `#/print/briefing/vip`): one printed card per
   * guest, for `kind: 'arrivals'` the arrivals of `date` (default: today's business date; expected
   * and already checked in, VIPs and guests with alerts first) or for `kind: 'vip'` the VIPs in house
   * now (highest level first). At most 200 cards: `total` says how many guests qualified.
   * Answers `PrintStamp & BriefingPack`. Permission `guest.read`. Writes `guest.briefingPack` to
   * the audit log: who, `{ what, date, guests, total, guestIds }`, even for an empty pack.
   */
  'guest.briefingPack': operation({
    kind: 'query', // writes only the audit log (a read of personal data is logged)
    summary: 'The morning briefing pack: the printed cards of a day’s arrivals (today by default) or of the VIPs in house, at most 200. Audited.',
    permission: 'guest.read',
    audit: readsGuestsInAnswer,
    input: z.object({ kind: z.enum(['arrivals', 'vip']).default('arrivals'), date: isoDate.optional() }),
    handler(ctx, input): PrintStamp & BriefingPack {
      const actor = actorOf(ctx)
      const now = ctx.clock.now()
      const businessDate = today(ctx)
      const date = input.kind === 'arrivals' ? (input.date ?? businessDate) : businessDate
      const built = buildBriefingPack(ctx.sqlite, input.kind, date, now)
      // A guest who asked for discretion is printed only for the roles that may open their profile.
      const mayOpen = roleAllows(actor.role, 'guest.restricted')
      const cards = mayOpen ? built.cards : built.cards.filter((c) => findGuest(ctx.sqlite, c.guest.id)?.restricted !== 1)
      const pack = { ...built, cards, restrictedLeftOut: built.cards.length - cards.length }
      recordAudit(ctx.sqlite, {
        at: now.toISOString(),
        staffId: actor.staffId,
        action: 'guest.briefingPack',
        entity: 'briefing_pack',
        detail: { what: input.kind, date, count: pack.cards.length, total: pack.total, guests: pack.cards.map((c) => c.guest.id) },
      })
      return { printedAt: now.toISOString(), printedBy: actor.name, businessDate, ...pack }
    },
  }),
}
