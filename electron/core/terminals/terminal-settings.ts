import { z } from 'zod'
import type { Sqlite } from '../db/query'
import { getSetting, putSetting } from '../setup/setting.repository'

const key = 'terminals.serve'

/** Whether the desktop app serves department terminals, and on which TCP port (1024–65535). */
export const terminalSettings = z.object({ enabled: z.boolean(), port: z.number().int().min(1024).max(65535) })
export type TerminalSettings = z.output<typeof terminalSettings>

export const defaultTerminalSettings: TerminalSettings = { enabled: false, port: 4870 }

/** The stored setting; a missing or damaged one reads as "not serving" (never throws). */
export function readTerminalSettings(sqlite: Sqlite): TerminalSettings {
  const stored = getSetting(sqlite, key)
  if (!stored) return defaultTerminalSettings
  try {
    const parsed = terminalSettings.safeParse(JSON.parse(stored))
    return parsed.success ? parsed.data : defaultTerminalSettings
  } catch {
    return defaultTerminalSettings
  }
}

export function writeTerminalSettings(sqlite: Sqlite, settings: TerminalSettings): void {
  putSetting(sqlite, key, JSON.stringify(settings))
}
