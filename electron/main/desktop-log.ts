import fs from 'node:fs'
import path from 'node:path'
import electronLog from 'electron-log/node'

/**
 * The log an IT person can find: `<userData>/logs/zhike.log`, written by the main process (the
 * core host's lines reach it as messages, so one process writes and rotates the file). At 5 MB it
 * becomes zhike.1.log, the older ones move up, and zhike.3.log is the oldest kept. electron-log
 * does the writing; its Node entry is used, not its main-process one, because that one also
 * registers IPC handlers for renderer logging, which our pages have no use for.
 */
export const logFileName = 'zhike.log'
export const logMaxBytes = 5 * 1024 * 1024
export const logsKept = 3

export function logFolderOf(userData: string): string {
  return path.join(userData, 'logs')
}

/** zhike.2.log → zhike.3.log, zhike.1.log → zhike.2.log, zhike.log → zhike.1.log (in that order). */
export function rotationPlan(file: string, keep: number): { from: string; to: string }[] {
  const { dir, name, ext } = path.parse(file)
  const numbered = (n: number) => path.join(dir, `${name}.${n}${ext}`)
  const plan: { from: string; to: string }[] = []
  for (let n = keep - 1; n >= 1; n--) plan.push({ from: numbered(n), to: numbered(n + 1) })
  if (keep >= 1) plan.push({ from: file, to: numbered(1) })
  return plan
}

/** Moves each file one place up; a missing one is skipped, the oldest is overwritten. */
export function rotateLogFiles(file: string, keep: number): void {
  for (const { from, to } of rotationPlan(file, keep)) {
    try {
      fs.renameSync(from, to)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
  }
  if (keep < 1) fs.rmSync(file, { force: true })
}

export interface DesktopLog {
  readonly file: string
  readonly folder: string
  info(line: string): void
  warn(line: string): void
  error(line: string): void
}

export function createDesktopLog(folder: string, options: { maxBytes?: number; keep?: number; console?: boolean } = {}): DesktopLog {
  const file = path.join(folder, logFileName)
  const keep = options.keep ?? logsKept
  // Owner-only, like the store: a failing operation's log line may name a guest.
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 })
  const logger = electronLog.create({ logId: `zhike:${file}` })
  const transport = logger.transports.file
  transport.resolvePathFn = () => file
  transport.maxSize = options.maxBytes ?? logMaxBytes
  transport.writeOptions = { flag: 'a', mode: 0o600, encoding: 'utf8' }
  transport.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}] {text}'
  transport.archiveLogFn = (old) => {
    try {
      rotateLogFiles(old.path, keep)
    } catch (error) {
      console.error(`[zhike] could not rotate ${old.path}: ${String(error)}`)
    }
  }
  logger.transports.console.level = options.console === false ? false : 'info'
  logger.transports.console.format = '[zhike] {text}'
  return {
    file,
    folder,
    info: (line) => logger.info(line),
    warn: (line) => logger.warn(line),
    error: (line) => logger.error(line),
  }
}
