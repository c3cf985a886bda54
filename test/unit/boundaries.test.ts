import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

function files(dir: string, pattern: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? files(full, pattern) : pattern.test(entry.name) ? [full] : []
  })
}

const imports = (file: string) => [...fs.readFileSync(file, 'utf8').matchAll(/^\s*import\s+(type\s+)?[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => ({ typeOnly: Boolean(m[1]), from: m[2] }))

describe('process boundaries', () => {
  it('the renderer imports no Node, database or Electron modules, and only types from electron/', () => {
    for (const file of files('src', /\.(ts|tsx)$/)) {
      for (const { typeOnly, from } of imports(file)) {
        expect(from, file).not.toMatch(/^(node:|fs$|path$|better-sqlite3$|kysely$|electron$)/)
        if (from.includes('electron/')) expect(typeOnly, `${file} imports a value from ${from}`).toBe(true)
      }
    }
  })

  it('the core never imports electron or the renderer', () => {
    for (const file of files('electron/core', /\.ts$/)) {
      for (const { from } of imports(file)) {
        expect(from, file).not.toBe('electron')
        expect(from, file).not.toMatch(/(^|\/)src\//)
      }
    }
  })
})
