import fs from 'node:fs'
import { z } from 'zod'
import { readsGuestsInAnswer } from '../audit/audit-reads'
import { recordAudit } from '../audit/audit.repository'
import { actorOf, type OperationContext } from '../context'
import { roleAllows } from '../staff/roles'
import { AppError } from '../errors'
import { currentProfile, findGuest } from '../guests/guest.repository'
import { mergeGuests } from '../guests/guest-merge.service'
import { operation } from '../operation'
import { findRoom } from '../rooms/room.repository'
import { getSetting, putSetting } from '../setup/setting.repository'
import { catchUpRules } from '../stays/stay-changes'
import { hotelModeKey, hotelMode, requireStay } from '../stays/stay.service'
import { countOpenArrivalMatches, findArrivalMatch, listOpenArrivalMatches, listPmsImports, resolveArrivalMatch, setStayGuest } from './pms.repository'
import { importReport, checkReport, previewOf, savedMapping, saveMapping, watchActorSetting, watchFolderSetting, watchProblemSetting, watchScanSetting } from './pms-import.service'
import { readReportFile } from './report-file'
import type { WatchProblem } from './watch-folder'
import { mappingFromPreset, mappingSchema, presetSummaries, reportKinds, suggestMapping, type Mapping, type ReportKind } from './report-mapping'

/** Refuses a watch folder that is not a folder on this machine (a typo, or a path of another computer). */
function assertFolder(folder: string): void {
  let isFolder = false
  try {
    isFolder = fs.statSync(folder).isDirectory()
  } catch {
    isFolder = false
  }
  if (!isFolder) {
    throw new AppError('VALIDATION', `There is no folder ${folder} on the computer that runs Zhike's store. Create it, or check the path.`, {
      reason: 'not_a_folder',
      folder,
      issues: [{ path: 'watchFolder', message: 'No such folder.' }],
    })
  }
}

/** The watch folder's latest problem; a damaged setting reads as none. */
function readProblem(text: string | undefined): WatchProblem | null {
  if (!text) return null
  try {
    const value = JSON.parse(text) as Partial<WatchProblem>
    return typeof value.code === 'string' && typeof value.folder === 'string' ? { code: value.code, folder: value.folder, error: String(value.error ?? '') } : null
  } catch {
    return null
  }
}

/** A stored import report; a damaged one reads as empty rather than hiding the whole list. */
function readStoredReport(text: string): { events?: Record<string, number>; errors?: unknown[]; unmatched?: number; roomsUpdated?: number } {
  try {
    const value: unknown = JSON.parse(text)
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as ReturnType<typeof readStoredReport>) : {}
  } catch {
    return {}
  }
}

/** A report as sent over either transport: its kind, its name and its bytes in base64 (≤ 10 MB once decoded). */
const reportUpload = {
  kind: z.enum(reportKinds),
  fileName: z.string().trim().min(1, 'Name the file.').max(200),
  content: z.string().min(1, 'The file is empty.').max(14_000_000, 'Reports up to 10 MB can be imported.'),
  mapping: mappingSchema.optional(),
}

const base64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/
const readUpload = async (input: { fileName: string; content: string }) => {
  if (!base64.test(input.content)) {
    throw new AppError('VALIDATION', 'The file did not arrive whole (its content is not base64). Choose the file again.', { issues: [{ path: 'content', message: 'Not base64.' }] })
  }
  const bytes = new Uint8Array(Buffer.from(input.content, 'base64'))
  return { bytes, file: await readReportFile(bytes, input.fileName) }
}

function watchStatus(ctx: OperationContext) {
  const folder = getSetting(ctx.sqlite, watchFolderSetting) || null
  // The path is the managers' business; the desk needs only the mode.
  const manages = ctx.actor !== null && roleAllows(ctx.actor.role, 'hotel.write')
  return {
    watchFolder: manages ? folder : null,
    watching: folder !== null,
    lastScanAt: getSetting(ctx.sqlite, watchScanSetting) ?? null,
    problem: manages ? readProblem(getSetting(ctx.sqlite, watchProblemSetting)) : null,
  }
}

export const pmsOperations = {
  'pms.presets': operation({
    kind: 'query',
    summary: 'The PMS column presets Zhike knows (OPERA, 西软 Foxhis, 石基 Shiji, 绿云, Mews) and the reports each covers.',
    permission: 'hotel.write',
    input: z.object({}),
    handler: () => presetSummaries(),
  }),

  'pms.mappings': operation({
    kind: 'query',
    summary: 'The column mapping saved for each report kind (null where none is set).',
    permission: 'hotel.write',
    input: z.object({}),
    handler: (ctx) => Object.fromEntries(reportKinds.map((k) => [k, savedMapping(ctx.sqlite, k)])) as Record<ReportKind, Mapping | null>,
  }),

  'pms.saveMapping': operation({
    kind: 'mutation',
    summary: 'Save how this hotel’s PMS report of one kind maps to Zhike: for each field, the header text in the file.',
    permission: 'hotel.write',
    input: z.object({ mapping: mappingSchema }),
    handler(ctx, input) {
      saveMapping(ctx, input.mapping)
      return { kind: input.mapping.kind }
    },
  }),

  'pms.preview': operation({
    kind: 'query',
    summary:
      'Read a report without applying it: its headers and first rows (card columns blanked), the mapping used (given, saved, or suggested from the headers) and every problem by line.',
    permission: 'hotel.write',
    input: z.object({ ...reportUpload, preset: z.string().max(40).optional() }),
    prepare: readUpload,
    handler(ctx, input, prepared) {
      const saved = savedMapping(ctx.sqlite, input.kind)
      const suggested = suggestMapping(input.kind, prepared.file.headers)
      const fromPreset = input.preset ? mappingFromPreset(input.preset, input.kind, prepared.file.headers) : null
      const mapping = input.mapping ?? fromPreset ?? saved ?? suggested.mapping
      const checked = checkReport(ctx, input.kind, mapping, prepared.file)
      return {
        ...previewOf(prepared.file, 10),
        mapping,
        mappingSource: input.mapping ? ('given' as const) : fromPreset ? ('preset' as const) : saved ? ('saved' as const) : ('suggested' as const),
        preset: suggested.preset,
        rows: prepared.file.rows.length,
        errors: checked.errors,
        warnings: checked.warnings,
      }
    },
  }),

  'pms.import': operation({
    kind: 'mutation',
    summary:
      'Import a PMS report (arrivals, in-house, departures or room status; CSV or XLSX). Checked whole first: any bad row and nothing is applied. Each booking is upserted on its PMS confirmation number and the differences become stay events, once. Logged with its report.',
    permission: 'hotel.write',
    input: z.object({ ...reportUpload, via: z.enum(['upload', 'watch', 'api']).default('api') }),
    prepare: readUpload,
    handler: (ctx, input, prepared) => importReport(ctx, { ...input, bytes: prepared.bytes }, prepared.file),
  }),

  'pms.imports': operation({
    kind: 'query',
    summary: 'Recent report imports, newest first: file, kind, how it came (upload, watch folder, API), rows, outcome.',
    permission: 'hotel.write',
    input: z.object({ limit: z.number().int().min(1).max(200).default(30) }),
    handler: (ctx, input) =>
      listPmsImports(ctx.sqlite, input.limit).map((r) => {
        const report = readStoredReport(r.report)
        return {
          id: r.id,
          kind: r.kind,
          fileName: r.file_name,
          via: r.via,
          at: r.at,
          rows: r.rows,
          status: r.status,
          events: report.events ?? {},
          unmatched: report.unmatched ?? 0,
          roomsUpdated: report.roomsUpdated ?? 0,
          errors: report.errors?.length ?? 0,
        }
      }),
  }),

  'pms.settings': operation({
    kind: 'query',
    summary: 'How Zhike sits beside the PMS: the mode (standalone, or with a PMS that checks guests in) and the watch folder.',
    permission: 'hotel.read',
    input: z.object({}),
    handler: (ctx) => ({ mode: hotelMode(ctx), ...watchStatus(ctx) }),
  }),

  'pms.setSettings': operation({
    kind: 'mutation',
    summary:
      'Set the mode and the watch folder (an absolute path on the machine running the store; null stops watching). Files in it are imported as the person who set it.',
    permission: 'hotel.write',
    input: z.object({
      mode: z.enum(['standalone', 'with_pms']).optional(),
      watchFolder: z
        .string()
        .trim()
        .max(400)
        .refine((v) => v === '' || v.startsWith('/') || /^[A-Za-z]:[\\/]/.test(v) || v.startsWith('\\\\'), 'Give the full path of the folder, e.g. D:\\PMS\\exports or /srv/pms.')
        .nullish(),
    }),
    handler(ctx, input) {
      const actor = actorOf(ctx)
      if (input.watchFolder) assertFolder(input.watchFolder)
      if (input.mode) putSetting(ctx.sqlite, hotelModeKey, input.mode)
      if (input.watchFolder !== undefined) {
        putSetting(ctx.sqlite, watchFolderSetting, input.watchFolder ?? '')
        putSetting(ctx.sqlite, watchActorSetting, String(actor.staffId))
      }
      recordAudit(ctx.sqlite, { at: ctx.clock.now().toISOString(), staffId: actor.staffId, action: 'pms.settings', entity: 'setting', detail: { mode: input.mode, watchFolder: input.watchFolder } })
      if (input.watchFolder !== undefined) putSetting(ctx.sqlite, watchProblemSetting, '')
      return { mode: hotelMode(ctx), ...watchStatus(ctx) }
    },
  }),

  'arrivals.matches': operation({
    kind: 'query',
    summary: 'PMS arrivals waiting for guest relations: ones that matched no profile or several ("new arrival: link or create"), with the candidates.',
    permission: 'guest.merge',
    audit: readsGuestsInAnswer,
    input: z.object({ limit: z.number().int().min(1).max(200).default(50) }),
    handler: (ctx, input) =>
      listOpenArrivalMatches(ctx.sqlite, input.limit).map((m) => {
        const stay = requireStay(ctx, m.stayId)
        const guest = findGuest(ctx.sqlite, stay.guest_id)!
        const room = stay.room_id === null ? undefined : findRoom(ctx.sqlite, stay.room_id)
        const person = (id: number) => {
          const g = findGuest(ctx.sqlite, id)
          return g ? { guestId: g.id, nativeName: g.native_name, romanName: g.roman_name, phone: g.phone, birthDate: g.birth_date, vip: g.vip, company: g.company } : null
        }
        return {
          matchId: m.id,
          reason: m.reason,
          createdAt: m.createdAt,
          stay: { stayId: stay.id, pmsConfirmation: stay.pms_confirmation, arrival: stay.arrival_date, departure: stay.departure_date, status: stay.status, roomNumber: room?.number ?? null },
          arrival: person(guest.id)!,
          candidates: m.candidates.flatMap((id) => person(id) ?? []),
        }
      }),
  }),

  'arrivals.count': operation({
    kind: 'query',
    summary: 'How many PMS arrivals wait for guest relations to link or create (the menu’s badge).',
    permission: 'guest.merge',
    input: z.object({}),
    handler: (ctx) => ({ open: countOpenArrivalMatches(ctx.sqlite) }),
  }),

  'arrivals.link': operation({
    kind: 'mutation',
    summary:
      'Link a PMS arrival to the guest’s existing profile: the profile made for the arrival is merged into it (undoable like any merge), and the rules run for the guest’s preferences.',
    permission: 'guest.merge',
    input: z.object({ matchId: z.number().int().positive(), guestId: z.number().int().positive() }),
    handler(ctx, input) {
      const actor = actorOf(ctx)
      const match = findArrivalMatch(ctx.sqlite, input.matchId)
      if (!match) throw new AppError('NOT_FOUND', `No arrival waiting with id ${input.matchId}.`, { entity: 'arrival_match' })
      if (match.status !== 'open') throw new AppError('ARRIVAL_MATCH_STATE', 'This arrival was already dealt with.', { status: match.status })
      const stay = requireStay(ctx, match.stayId)
      // A profile merged away stands for the one it was merged into.
      const target = currentProfile(ctx.sqlite, input.guestId)
      if (!target) throw new AppError('NOT_FOUND', `No guest with id ${input.guestId}.`, { entity: 'guest' })
      if (target.id !== stay.guest_id) {
        const { survivorId } = mergeGuests(ctx, { survivorId: target.id, mergedId: stay.guest_id, choose: {} })
        setStayGuest(ctx.sqlite, stay.id, survivorId)
      }
      resolveArrivalMatch(ctx.sqlite, match.id, 'linked', ctx.clock.now().toISOString(), actor.staffId)
      const prompts = catchUpRules(ctx, requireStay(ctx, stay.id))
      return { stayId: stay.id, guestId: target.id, prompts: prompts.length }
    },
  }),

  'arrivals.keepNew': operation({
    kind: 'mutation',
    summary: 'Confirm a PMS arrival is a new guest: the profile made for the arrival stays as it is.',
    permission: 'guest.merge',
    input: z.object({ matchId: z.number().int().positive() }),
    handler(ctx, input) {
      const actor = actorOf(ctx)
      const match = findArrivalMatch(ctx.sqlite, input.matchId)
      if (!match) throw new AppError('NOT_FOUND', `No arrival waiting with id ${input.matchId}.`, { entity: 'arrival_match' })
      if (!resolveArrivalMatch(ctx.sqlite, match.id, 'created', ctx.clock.now().toISOString(), actor.staffId)) {
        throw new AppError('ARRIVAL_MATCH_STATE', 'This arrival was already dealt with.', { status: match.status })
      }
      return { stayId: match.stayId, guestId: requireStay(ctx, match.stayId).guest_id }
    },
  }),
}
