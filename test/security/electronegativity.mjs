// npm run security:electron — Electronegativity (Doyensec's Electron security checks) on electron/.
// Fails on any finding above LOW that electronegativity-accepted.json does not list, on an accepted
// entry that matches nothing any more (so the list and docs/security.md stay true), and on files it
// could not parse (their findings would be missing). Prints every finding, accepted or not.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const input = path.join(projectRoot, 'electron')
const acceptedFile = path.join(projectRoot, 'test', 'security', 'electronegativity-accepted.json')
const securityDoc = path.join(projectRoot, 'docs', 'security.md')

// It cannot detect the version from electron/ (no package.json there), nor look releases up offline.
const electronVersion = JSON.parse(fs.readFileSync(require.resolve('electron/package.json'), 'utf8')).version
const runner = require('@doyensec/electronegativity')
const run = runner.default ?? runner

const { accepted } = JSON.parse(fs.readFileSync(acceptedFile, 'utf8'))
const severityRank = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 }

// Electronegativity writes a progress line about translations it tries to download; keep ours readable.
const log = console.log
console.log = (...args) => {
  if (!String(args[0]).startsWith('Could not retrieve updated translations')) log(...args)
}
let result
try {
  result = await run({
    input,
    isRelative: true,
    electronVersionOverride: electronVersion,
    // AvailableSecurityFixesGlobalCheck downloads Electron's release list: a test must not depend on
    // the network. Keeping Electron current is `npm outdated`'s job (see docs/security.md).
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  })
} finally {
  console.log = log
}

const normalize = (file) => String(file).split(path.sep).join('/').replace(/^\.?\//, '')
const problems = []
const used = new Set()
const findings = [...result.issues].sort((a, b) => b.severity.value - a.severity.value || normalize(a.file).localeCompare(normalize(b.file)))

console.log(`electronegativity ${electronVersion ? `(Electron ${electronVersion})` : ''} on electron/: ${findings.length} finding(s)`)
for (const issue of findings) {
  const file = normalize(issue.file)
  const entry = accepted.find((a) => a.id === issue.id && a.file === file)
  const blocking = issue.severity.value > severityRank.LOW && !entry
  if (entry) used.add(entry)
  const mark = blocking ? 'FAIL    ' : entry ? 'accepted' : 'ok (low)'
  const where = issue.location ? `${file}:${issue.location.line}:${issue.location.column}` : file
  console.log(`  ${mark}  ${issue.severity.name}/${issue.confidence.name}  ${issue.id}  ${where}`)
  console.log(`            ${issue.description}${issue.sample ? `  — ${String(issue.sample).trim().slice(0, 100)}` : ''}`)
  if (blocking) problems.push(`${issue.id} (${issue.severity.name}) in ${where} is not accepted: fix it, or accept it in ${path.relative(projectRoot, acceptedFile)} and justify it in docs/security.md.`)
}

for (const entry of accepted) {
  if (!used.has(entry)) problems.push(`Accepted ${entry.id} in ${entry.file} no longer occurs: remove it from ${path.relative(projectRoot, acceptedFile)} and docs/security.md.`)
}

const doc = fs.existsSync(securityDoc) ? fs.readFileSync(securityDoc, 'utf8') : ''
const acceptedSection = doc.split(/^## Accepted electronegativity findings\s*$/m)[1]?.split(/^## /m)[0] ?? ''
for (const entry of accepted) {
  if (!acceptedSection.includes(entry.id)) problems.push(`docs/security.md does not justify ${entry.id} under "## Accepted electronegativity findings".`)
}

for (const error of result.errors ?? []) {
  if (!error.tolerable) problems.push(`Could not parse ${normalize(error.file)}: ${error.message}`)
  else console.log(`  note: ${normalize(error.file)}: ${error.message}`)
}

if (problems.length > 0) {
  console.error(`\nelectronegativity: ${problems.length} problem(s)`)
  for (const problem of problems) console.error(`  - ${problem}`)
  process.exit(1)
}
console.log('electronegativity: nothing above LOW that is not accepted and justified.')
