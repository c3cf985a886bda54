import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// electron-builder.yml read the way electron-builder reads it (its own js-yaml), checked against
// electron-builder's own schema, so a misspelt fuse fails here instead of being ignored.
const require = createRequire(import.meta.url)
const builderRequire = createRequire(require.resolve('app-builder-lib/package.json'))
const yaml = builderRequire('js-yaml') as { load(text: string): unknown }
const config = yaml.load(fs.readFileSync(path.resolve('electron-builder.yml'), 'utf8')) as Record<string, unknown>
const scheme = JSON.parse(fs.readFileSync(builderRequire.resolve('./scheme.json'), 'utf8')) as {
  definitions: { FuseOptionsV1: { properties: Record<string, { type: string }> } }
}

describe('Electron fuses in the packaged app', () => {
  const fuses = config.electronFuses as Record<string, unknown>

  it('turns off running as Node, NODE_OPTIONS, the inspector and file:// privileges; turns on cookie encryption and asar integrity', () => {
    expect(fuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('uses only fuse names electron-builder knows, as booleans', () => {
    const known = scheme.definitions.FuseOptionsV1.properties
    for (const [name, value] of Object.entries(fuses)) {
      expect(known, name).toHaveProperty(name)
      expect(typeof value, name).toBe(known[name].type)
    }
  })

  it('packs the app into app.asar, with only the native module outside it', () => {
    expect(config.asar).toBe(true)
    expect(config.files).toContain('out/**')
    // The renderer served to terminals stays inside the archive the integrity check covers:
    // only native modules may be unpacked.
    const unpacked = config.asarUnpack as string[]
    expect(unpacked).toContain('node_modules/better-sqlite3/**/*.node')
    for (const pattern of unpacked) expect(pattern, pattern).toMatch(/^node_modules\/.+\.node$/)
  })
})

describe('the security page', () => {
  const doc = fs.readFileSync(path.resolve('docs/security.md'), 'utf8')
  const accepted = JSON.parse(fs.readFileSync(path.resolve('test/security/electronegativity-accepted.json'), 'utf8')) as { accepted: { id: string; file: string; reason: string }[] }

  it('has the sections the project agreed on, in order', () => {
    const headings = doc.split('\n').filter((line) => /^#{1,2} /.test(line))
    const agreed = ['# Security', '## The hub on the network', '## PINs and the store file', '## The Electron app', '## Accepted electronegativity findings']
    expect(headings[0]).toBe('# Security')
    expect(headings.filter((h) => agreed.includes(h))).toEqual(agreed)
  })

  it('justifies every accepted electronegativity finding, each with a reason', () => {
    const section = doc.split('## Accepted electronegativity findings')[1]
    for (const entry of accepted.accepted) {
      expect(section, entry.id).toContain(`**${entry.id}**`)
      expect(entry.reason.length, entry.id).toBeGreaterThan(40)
    }
  })

  it('names every fuse the builder sets', () => {
    const section = doc.split('## The Electron app')[1].split('## Accepted')[0]
    for (const name of Object.keys(config.electronFuses as object)) expect(section, name).toContain(name)
  })
})
