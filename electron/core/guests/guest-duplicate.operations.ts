import { z } from 'zod'
import { readsGuestsInAnswer } from '../audit/audit-reads'
import { recordAudit } from '../audit/audit.repository'
import { actorOf, type Actor, type OperationContext } from '../context'
import type { GuestRow } from '../db/tables/guest.table'
import { AppError } from '../errors'
import { operation } from '../operation'
import { likelyDuplicateScore, scoreDuplicate } from './duplicate-score'
import { absorbedProfiles, guestsSharingKeys, topDuplicateCandidates } from './guest-index.repository'
import { matchKeys } from './guest-keys'
import { maskDocumentNo } from './identity-document'
import { flagPair, guestsByIds } from './guest-merge.repository'
import { hotelPhoneCountry, phoneE164 } from './phone'
import { requireLiveGuest } from './guest-profile.service'
import { guestFields } from './guest.schemas'
import { roleAllows } from '../staff/roles'

const guestId = z.number().int().positive()

/**
 * A possible duplicate as the desk sees it. A restricted profile (the guest asked for discretion)
 * shows a role that may not open it only that it exists and its names: no phone, email, birth
 * date, document or company (`restricted` says why).
 */
function summaryFor(actor: Actor, g: GuestRow) {
  const whole = summary(g)
  if (g.restricted !== 1 || roleAllows(actor.role, 'guest.restricted')) return { ...whole, restricted: g.restricted === 1 }
  return { ...whole, phone: null, email: null, birthDate: null, documentNo: null, company: null, restricted: true }
}

function summary(g: GuestRow) {
  return {
    id: g.id,
    nativeName: g.native_name,
    romanName: g.roman_name,
    phone: g.phone,
    email: g.email,
    birthDate: g.birth_date,
    // The last four characters only: the whole number is guest.document's (audited).
    documentNo: maskDocumentNo(g.document_no),
    vip: g.vip,
    company: g.company,
  }
}

function likelyMatchesFor(ctx: OperationContext, draft: Parameters<typeof matchKeys>[0] & { birth_date: string | null; document_no: string | null }, exceptId: number | null) {
  const ids = guestsSharingKeys(ctx.sqlite, matchKeys(draft), exceptId)
  return guestsByIds(ctx.sqlite, ids)
    .filter((g) => g.merged_into === null)
    .map((g) => {
      // Against the guest and every profile merged into it: the best of them speaks for the guest.
      const scored = [g, ...absorbedProfiles(ctx.sqlite, g.id)].map((person) => scoreDuplicate(draft, person))
      return { guest: summaryFor(actorOf(ctx), g), ...scored.reduce((best, s) => (s.score > best.score ? s : best)) }
    })
    .filter((m) => m.score >= likelyDuplicateScore)
    .sort((a, b) => b.score - a.score)
    .slice(0, 5)
}

/** Finding profiles that may be one person: before creating a guest, and for guest relations' duplicates page. */
export const guestDuplicateOperations = {
  'guest.possibleDuplicates': operation({
    kind: 'query',
    summary: 'Before creating a guest: profiles that may be the same person.',
    permission: 'guest.read',
    audit: readsGuestsInAnswer,
    input: guestFields.pick({ nativeName: true, romanName: true, phone: true, email: true, birthDate: true, documentNo: true }).partial({ romanName: true, phone: true, email: true, birthDate: true, documentNo: true }),
    handler: (ctx, input) =>
      likelyMatchesFor(
        ctx,
        {
          native_name: input.nativeName,
          roman_name: input.romanName ?? null,
          phone: input.phone ?? null,
          phone_e164: phoneE164(input.phone, hotelPhoneCountry(ctx.sqlite)),
          email: input.email ?? null,
          company: null,
          birth_date: input.birthDate ?? null,
          document_no: input.documentNo ?? null,
        },
        null,
      ),
  }),

  'guest.duplicates': operation({
    kind: 'query',
    summary: 'Likely duplicate profiles for guest relations, most likely first.',
    permission: 'guest.merge',
    audit: readsGuestsInAnswer,
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }),
    handler(ctx, input) {
      // Candidates are kept as guests are written (guest-index.repository), so this reads one index.
      const pairs = topDuplicateCandidates(ctx.sqlite, input.limit)
      const guests = new Map(guestsByIds(ctx.sqlite, [...new Set(pairs.flatMap((p) => [p.a, p.b]))]).map((g) => [g.id, g]))
      return pairs
        .map((p) => ({ a: guests.get(p.a), b: guests.get(p.b) }))
        .filter((p): p is { a: GuestRow; b: GuestRow } => !!p.a && !!p.b && p.a.merged_into === null && p.b.merged_into === null)
        .map((p) => ({ a: summary(p.a), b: summary(p.b), ...scoreDuplicate(p.a, p.b) }))
        .sort((x, y) => y.score - x.score)
    },
  }),

  'guest.notDuplicate': operation({
    kind: 'mutation',
    summary: 'Mark two profiles as different people: they are not offered for merging again.',
    permission: 'guest.merge',
    input: z.object({ guestA: guestId, guestB: guestId }),
    handler(ctx, input) {
      const actor = actorOf(ctx)
      if (input.guestA === input.guestB) throw new AppError('MERGE_SELF', 'A guest cannot be paired with itself.')
      requireLiveGuest(ctx, input.guestA)
      requireLiveGuest(ctx, input.guestB)
      const at = ctx.clock.now().toISOString()
      flagPair(ctx.sqlite, input.guestA, input.guestB, 'not_duplicate', at, actor.staffId)
      recordAudit(ctx.sqlite, { at, staffId: actor.staffId, action: 'guest.not_duplicate', guestId: input.guestA, entity: 'guest', entityId: input.guestB })
      return { flagged: true }
    },
  }),
}
