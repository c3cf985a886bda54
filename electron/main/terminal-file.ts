import fs from 'node:fs'
import path from 'node:path'
import { parseTerminalFile, terminalFileContents, type TerminalTarget } from './terminal-target'

/** userData/terminal.json: when it exists this PC is a terminal and opens no store of its own. */
export function terminalFile(userData: string): string {
  return path.join(userData, 'terminal.json')
}

export type TerminalMode = { kind: 'local' } | { kind: 'terminal'; target: TerminalTarget } | { kind: 'damaged'; file: string }

/** Which mode this start is in: no file (local), a valid file (terminal), or a damaged one. */
export function readTerminalMode(userData: string): TerminalMode {
  const file = terminalFile(userData)
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'local' }
    return { kind: 'damaged', file }
  }
  const target = text.length <= 4096 ? parseTerminalFile(text) : null
  return target ? { kind: 'terminal', target } : { kind: 'damaged', file }
}

/** Writes terminal.json whole (a temporary file renamed over it), readable by its owner only. */
export function writeTerminalTarget(userData: string, target: TerminalTarget): void {
  const file = terminalFile(userData)
  fs.mkdirSync(userData, { recursive: true })
  const temporary = `${file}.${process.pid}.tmp`
  fs.writeFileSync(temporary, terminalFileContents(target), { mode: 0o600 })
  fs.renameSync(temporary, file)
}

/** Leaves terminal mode: the next start opens this PC's own store. */
export function removeTerminalTarget(userData: string): void {
  fs.rmSync(terminalFile(userData), { force: true })
}
