import { z } from 'zod'
import { recordAudit } from '../audit/audit.repository'
import { actorOf } from '../context'
import { AppError } from '../errors'
import { operation } from '../operation'
import { roleAllows } from '../staff/roles'
import { listActivePreferences } from '../guests/guest.repository'
import { requireGuest } from '../guests/guest.operations'
import { guestMergeOperations } from '../guests/guest-merge.operations'
import { exportOtaProfile } from './ota-export'
import { importProfile, type ImportedGuest } from './ota-import'
import { findGuestByPmsProfileId } from './ota-guest.repository'
import { readOtaProfileMessage } from './ota-profile'

const guestId = z.number().int().positive()

export const otaOperations = {
  'guest.importOta': operation({
    kind: 'mutation',
    summary:
      'Import guest profiles from an OpenTravel message (OTA_ProfileCreateRQ or OTA_ProfileReadRS, 2011B or later), or merge the profiles an OTA_ProfileMergeRQ names. Payment data is never kept.',
    permission: 'guest.write',
    // The 2 MB limit is checked by the reader, so a larger file is told so (OTA_MESSAGE).
    input: z.object({ xml: z.string().min(1, 'Choose an OpenTravel XML file.').max(8 * 1024 * 1024) }),
    handler(ctx, input): { kind: 'create' | 'read' | 'merge'; guests: ImportedGuest[]; preferences: number; skipped: string[] } {
      const actor = actorOf(ctx)
      const message = readOtaProfileMessage(input.xml)
      const at = ctx.clock.now().toISOString()
      const skipped: string[] = message.paymentDropped > 0 ? ['payment data: never kept'] : []

      if (message.kind === 'merge') {
        if (!roleAllows(actor.role, 'guest.merge')) throw new AppError('FORBIDDEN', `Your role (${actor.role}) may not merge profiles (guest.merge).`)
        const survivor = findGuestByPmsProfileId(ctx.sqlite, message.survivorId)
        const obsolete = message.obsoleteIds.map((id) => ({ id, guest: findGuestByPmsProfileId(ctx.sqlite, id) }))
        const unknown = [...(survivor ? [] : [message.survivorId]), ...obsolete.filter((o) => !o.guest).map((o) => o.id)]
        if (unknown.length > 0) throw new AppError('OTA_MESSAGE', `No guest has the PMS profile id ${unknown.join(', ')}; nothing was merged.`, { unknownIds: unknown })
        const merged: string[] = []
        for (const o of obsolete) {
          if (o.guest!.id === survivor!.id) {
            skipped.push(`${o.id}: already merged into ${message.survivorId}`)
            continue
          }
          guestMergeOperations['guest.merge'].handler(ctx, { survivorId: survivor!.id, mergedId: o.guest!.id, choose: {} })
          merged.push(`merged:${o.id}`)
        }
        recordAudit(ctx.sqlite, { at, staffId: actor.staffId, action: 'guest.importOta', guestId: survivor!.id, entity: 'guest', entityId: survivor!.id, detail: { kind: 'merge', merged: merged.length } })
        return { kind: 'merge', guests: [{ guestId: survivor!.id, created: false, changed: merged }], preferences: 0, skipped }
      }

      const guests: ImportedGuest[] = []
      let preferences = 0
      for (const draft of message.profiles) {
        const result = importProfile(ctx, draft)
        guests.push(result.guest)
        preferences += result.preferencesAdded
        skipped.push(...result.skipped)
        recordAudit(ctx.sqlite, {
          at,
          staffId: actor.staffId,
          action: 'guest.importOta',
          guestId: result.guest.guestId,
          entity: 'guest',
          entityId: result.guest.guestId,
          detail: { kind: message.kind, created: result.guest.created, fields: result.guest.changed, preferences: result.preferencesAdded, paymentDropped: message.paymentDropped > 0 },
        })
      }
      return { kind: message.kind, guests, preferences, skipped: [...new Set(skipped)] }
    },
  }),

  'guest.exportOta': operation({
    kind: 'mutation', // handing out personal data is logged, and the log is a write
    summary: 'One guest as an OpenTravel OTA_ProfileReadRS (2015B): names, contact, loyalty and the preferences OpenTravel can carry; says what it left out.',
    permission: 'guest.read',
    input: z.object({ guestId }),
    handler(ctx, input): { xml: string; leftOut: string[] } {
      const actor = actorOf(ctx)
      const guest = requireGuest(ctx.sqlite, input.guestId)
      const result = exportOtaProfile(guest, listActivePreferences(ctx.sqlite, guest.id), ctx.clock.now())
      recordAudit(ctx.sqlite, { at: ctx.clock.now().toISOString(), staffId: actor.staffId, action: 'guest.exportOta', guestId: guest.id, entity: 'guest', entityId: guest.id, detail: { leftOut: result.leftOut.length } })
      return result
    },
  }),
}
