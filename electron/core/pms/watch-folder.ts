import fs from 'node:fs'
import path from 'node:path'
import type { Actor } from '../context'
import type { Core, Result } from '../core'
import { roleAllows } from '../staff/roles'
import { toActor } from '../staff/staff-actor'
import { findStaff } from '../staff/staff.repository'
import { getSetting, putSetting } from '../setup/setting.repository'
import { watchActorSetting, watchFolderSetting, watchProblemSetting, watchScanSetting, type ImportOutcome } from './pms-import.service'
import { reportKinds, type ReportKind } from './report-mapping'
import { readReportFile } from './report-file'
import { savedMapping } from './pms-import.service'

/** Report files the watch folder takes; anything else (and hidden files, and our own reports) is left alone. */
const reportFile = /\.(csv|xlsx)$/i

/**
 * The kind of report a file holds, from its name as PMS schedulers write them
 * ("arrivals_20261201_0700.csv", "INHOUSE.xlsx", "在住客人.csv", "room-status.csv"), or null.
 * Room status is tested first: "roomstatus" must not read as "rooms… in house".
 */
export function kindFromFileName(fileName: string): ReportKind | null {
  const name = fileName.toLowerCase()
  if (/room[\s_-]?status|housekeeping|\bhk\b|房态/.test(name)) return 'room_status'
  if (/in[\s_-]?house|inhouse|在住|在店/.test(name)) return 'in_house'
  if (/depart|\bdep\b|离店|预离/.test(name)) return 'departures'
  if (/arriv|\barr\b|到达|预抵|抵店/.test(name)) return 'arrivals'
  return null
}

/** How often the folder is looked at: 15 s, or ZHIKE_WATCH_INTERVAL_MS (tests use a short one; at least 200 ms). */
export function watchIntervalMs(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.ZHIKE_WATCH_INTERVAL_MS)
  return Number.isFinite(n) && n >= 200 ? n : 15_000
}

/** What went wrong with the watch folder, as the settings screen translates it. */
export interface WatchProblem {
  code: 'unreadable' | 'cannot_move' | 'scan_failed'
  folder: string
  /** The system's error code (ENOENT, EACCES, EEXIST…). */
  error: string
}

export interface WatchedFile {
  file: string
  kind: ReportKind | null
  /** stuck: imported or refused, but the file could not be moved out of the folder. */
  outcome: 'applied' | 'rejected' | 'failed' | 'stuck'
  movedTo: string
}

export interface WatchFolder {
  /** Looks at the folder now (the timer does this every interval); resolves with what it imported. */
  scan(): Promise<WatchedFile[]>
  stop(): void
}

/**
 * Imports the PMS reports dropped in the folder set in settings (`pms.setSettings`), oldest
 * first, as the manager who set the folder, through the same `pms.import` operation as an
 * upload. A file is taken only once its size and time have stayed the same for one interval
 * (the PMS may still be writing it). Each file then moves to `done/` (applied) or `failed/`
 * (rejected, unreadable, unknown kind) with `<name>.report.txt` beside it, in English and Chinese.
 * Never throws: a folder that cannot be read is logged and tried again next interval.
 */
export function startWatchFolder(core: Pick<Core, 'sqlite' | 'callAsAsync'>, options: { intervalMs?: number; log?: (line: string) => void } = {}): WatchFolder {
  const intervalMs = options.intervalMs ?? 15_000
  const log = options.log ?? (() => {})
  const lastSeen = new Map<string, string>()
  let scanning: Promise<WatchedFile[]> | null = null
  let stopped = false

  /** Files that could not be moved out, by name → size:time: not imported again until they change. */
  const stuck = new Map<string, string>()

  async function scanOnce(): Promise<WatchedFile[]> {
    try {
      return await scanFolder()
    } catch (error) {
      // Never let a scan take the store's process down; say what went wrong where a manager looks.
      notice({ code: 'scan_failed', folder: getSetting(core.sqlite, watchFolderSetting) ?? '', error: (error as NodeJS.ErrnoException).code ?? 'error' })
      log(`scan failed: ${(error as Error).stack ?? String(error)}`)
      return []
    }
  }

  /** Keeps the latest problem for the settings screen (a code it translates), or clears it. */
  function notice(problem: WatchProblem | null): void {
    try {
      putSetting(core.sqlite, watchProblemSetting, problem ? JSON.stringify(problem) : '')
    } catch {
      // The store itself is failing; the log has it.
    }
  }

  async function scanFolder(): Promise<WatchedFile[]> {
    const folder = getSetting(core.sqlite, watchFolderSetting)
    if (!folder) return []
    putSetting(core.sqlite, watchScanSetting, new Date().toISOString())
    let names: string[]
    try {
      names = fs.readdirSync(folder).filter((n) => reportFile.test(n) && !n.startsWith('.'))
    } catch (error) {
      log(`watch folder ${folder} cannot be read: ${(error as Error).message}`)
      notice({ code: 'unreadable', folder, error: (error as NodeJS.ErrnoException).code ?? 'error' })
      return []
    }
    const ready: { name: string; mtime: number }[] = []
    const present = new Set<string>()
    for (const name of names) {
      let stat: fs.Stats
      try {
        // lstat: a link in the folder (to /etc/passwd, or anywhere) is never followed.
        stat = fs.lstatSync(path.join(folder, name))
      } catch {
        continue
      }
      if (!stat.isFile()) continue
      const signature = `${stat.size}:${stat.mtimeMs}`
      present.add(name)
      if (stuck.get(name) === signature) continue
      if (lastSeen.get(name) === signature) ready.push({ name, mtime: stat.mtimeMs })
      else lastSeen.set(name, signature)
    }
    for (const name of lastSeen.keys()) if (!present.has(name)) lastSeen.delete(name)
    for (const name of stuck.keys()) if (!present.has(name)) stuck.delete(name)
    ready.sort((a, b) => a.mtime - b.mtime || a.name.localeCompare(b.name))
    const done: WatchedFile[] = []
    for (const { name } of ready) {
      if (stopped) break
      lastSeen.delete(name)
      done.push(await importOne(folder, name))
    }
    if (done.length > 0 && done.every((d) => d.outcome !== 'stuck')) notice(null)
    return done
  }

  async function importOne(folder: string, name: string): Promise<WatchedFile> {
    const source = path.join(folder, name)
    let bytes: Buffer
    try {
      bytes = fs.readFileSync(source)
    } catch (error) {
      log(`${name}: cannot be read: ${(error as Error).message}`)
      return { file: name, kind: null, outcome: 'failed', movedTo: source }
    }
    const kind = kindFromFileName(name) ?? (await kindFromMappings(bytes, name))
    const actor = watchActor()
    let result: Result | null = null
    let problem: string | null = null
    if (!kind) problem = 'The kind of report is not in its name. Name it arrivals…, inhouse…, departures… or roomstatus… (到达 / 在住 / 离店 / 房态).'
    else if (!actor) problem = 'No manager is set for the watch folder. A manager sets the folder again in Settings → PMS.'
    else result = await core.callAsAsync(actor, 'pms.import', { kind, fileName: name, content: bytes.toString('base64'), via: 'watch' })
    const outcome = result?.ok ? ((result.value as ImportOutcome).status === 'applied' ? 'applied' : 'rejected') : 'failed'
    let movedTo: string
    try {
      movedTo = moveWithReport(folder, name, outcome === 'applied' ? 'done' : 'failed', reportText(name, kind, result, problem))
    } catch (error) {
      // Imported (or refused) but cannot be moved: remember it, so it is not imported again
      // every interval, and tell the manager.
      try {
        const stat = fs.lstatSync(source)
        stuck.set(name, `${stat.size}:${stat.mtimeMs}`)
      } catch {
        // Gone meanwhile: nothing to remember.
      }
      const code = (error as NodeJS.ErrnoException).code ?? 'error'
      notice({ code: 'cannot_move', folder, error: code })
      log(`${name}: ${outcome}, but it cannot be moved (${code}); it will not be imported again until it changes`)
      return { file: name, kind, outcome: 'stuck', movedTo: source }
    }
    log(`${name}: ${outcome}${result && !result.ok ? ` (${result.error.code}: ${result.error.message})` : ''} → ${movedTo}`)
    return { file: name, kind, outcome, movedTo }
  }

  /** A file without a telling name is the one kind whose saved mapping finds all its columns in the file. */
  async function kindFromMappings(bytes: Buffer, name: string): Promise<ReportKind | null> {
    let headers: Set<string>
    try {
      headers = new Set((await readReportFile(new Uint8Array(bytes), name)).headers)
    } catch {
      return null
    }
    const kinds = reportKinds.filter((k) => {
      const mapping = savedMapping(core.sqlite, k)
      return mapping !== null && Object.values(mapping.columns).every((header) => headers.has(header))
    })
    return kinds.length === 1 ? kinds[0] : null
  }

  function watchActor(): Actor | null {
    const id = Number(getSetting(core.sqlite, watchActorSetting))
    const row = Number.isInteger(id) && id > 0 ? findStaff(core.sqlite, id) : undefined
    if (!row || !row.active) return null
    const actor = toActor(row)
    return roleAllows(actor.role, 'hotel.write') ? actor : null
  }

  const timer = setInterval(() => {
    if (!scanning) scanning = scanOnce().finally(() => (scanning = null))
  }, intervalMs)
  // scanOnce never rejects; this is the belt to its braces.
  const quiet = () => scanning?.catch(() => undefined)
  timer.unref?.()

  return {
    scan: async () => {
      if (scanning) await quiet()
      scanning = scanOnce().finally(() => (scanning = null))
      return scanning
    },
    stop: () => {
      stopped = true
      clearInterval(timer)
    },
  }
}

/** Moves a file into `folder/sub/`, never over another, and writes its report beside it; returns where it went. */
function moveWithReport(folder: string, name: string, sub: 'done' | 'failed', report: string): string {
  const dir = path.join(folder, sub)
  fs.mkdirSync(dir, { recursive: true })
  let target = path.join(dir, name)
  if (fs.existsSync(target)) target = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}_${name}`)
  try {
    fs.renameSync(path.join(folder, name), target)
  } catch {
    fs.copyFileSync(path.join(folder, name), target)
    fs.rmSync(path.join(folder, name), { force: true })
  }
  fs.writeFileSync(`${target}.report.txt`, report)
  return target
}

const eventNames: Record<string, [string, string]> = {
  reservation: ['new bookings', '新预订'],
  pre_arrival: ['rooms assigned before arrival', '预分房'],
  check_in: ['check-ins', '入住'],
  room_move: ['room moves', '换房'],
  dates_changed: ['date changes', '改期'],
  check_out: ['check-outs', '退房'],
  withdrawn: ['cancellations and no-shows', '取消/应到未到'],
}

/** The report written beside an imported file, for the night auditor or IT: English, then Chinese. */
export function reportText(name: string, kind: ReportKind | null, result: Result | null, problem: string | null): string {
  const lines = [`Zhike import report: ${name}`, `Time: ${new Date().toISOString()}`, `Kind: ${kind ?? 'unknown'}`]
  if (problem) return [...lines, `FAILED: ${problem}`, '', `知客导入报告：${name}`, '失败：无法识别报表类型或未设置负责导入的经理。', ''].join('\n')
  if (!result) return lines.join('\n')
  if (!result.ok) return [...lines, `FAILED: ${result.error.message}`, '', `知客导入报告：${name}`, `失败：${result.error.code}`, ''].join('\n')
  const o = result.value as ImportOutcome
  if (o.status === 'rejected') {
    return [
      ...lines,
      `REJECTED: nothing was applied. ${o.errors.length} problem(s); fix them in the PMS export and drop the file again:`,
      ...o.errors.map((e) => `  line ${e.line}${e.column ? `, column "${e.column}"` : ''}: ${e.message}`),
      '',
      `知客导入报告：${name}`,
      `未导入：发现 ${o.errors.length} 处问题，请在 PMS 导出中修正后重新放入文件夹：`,
      ...o.errors.map((e) => `  第 ${e.line} 行${e.column ? `（列“${e.column}”）` : ''}：${e.code}`),
      '',
    ].join('\n')
  }
  const counts = Object.entries(o.events).filter(([, n]) => n > 0)
  return [
    ...lines,
    `APPLIED: ${o.rows} row(s).`,
    ...counts.map(([k, n]) => `  ${eventNames[k]?.[0] ?? k}: ${n}`),
    ...(o.roomsUpdated ? [`  rooms updated: ${o.roomsUpdated}`] : []),
    ...(o.unmatched ? [`  arrivals waiting for guest relations to link or create: ${o.unmatched}`] : []),
    ...o.warnings.map((w) => `  note, line ${w.line}: ${w.message}`),
    '',
    `知客导入报告：${name}`,
    `已导入 ${o.rows} 行。`,
    ...counts.map(([k, n]) => `  ${eventNames[k]?.[1] ?? k}：${n}`),
    ...(o.roomsUpdated ? [`  房态更新：${o.roomsUpdated}`] : []),
    ...(o.unmatched ? [`  待宾客关系部关联或建档的到店宾客：${o.unmatched}`] : []),
    '',
  ].join('\n')
}
