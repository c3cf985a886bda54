#!/usr/bin/env node
// `npm start`: find Electron, give it a better-sqlite3 built for its ABI, build, and run.
// `node electron/cli/start.mjs --prepare-only` stops after the native module and prints its path.
//
// node_modules keeps the Node build of better-sqlite3, which `npm test` needs. Electron needs
// a build for its own ABI, so we build one copy ONCE into node_modules/.cache/zhike/ (from a
// copy of the package, never touching node_modules/better-sqlite3) and hand its path to the
// main process in ZHIKE_SQLITE_BINDING. Either command works first, after one `npm install`.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const require = createRequire(path.join(projectRoot, 'package.json'))
const cacheRoot = path.join(projectRoot, 'node_modules', '.cache', 'zhike')

/** Prints a message for people (no stack trace) and stops. */
function stop(lines, code = 1) {
  console.error(['', ...lines, ''].join('\n'))
  process.exit(code)
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'))
}

/** The Electron executable, or null with the reason it cannot run here. */
function findElectron() {
  let version
  try {
    version = readJson(require.resolve('electron/package.json')).version
  } catch {
    return { problem: 'the electron package is not installed (node_modules/electron is missing).' }
  }
  let binary
  try {
    binary = require('electron') // the package's index.js answers the executable's path
  } catch {
    return { version, problem: `the Electron ${version} binary is not on this machine`, missing: true }
  }
  if (typeof binary !== 'string' || !fs.existsSync(binary)) {
    return { version, problem: `the Electron ${version} binary is missing (expected at ${binary}).` }
  }
  return { version, binary }
}

/**
 * npm install does not run Electron's download script (package.json allowScripts), so an
 * install never fails offline. The first `npm start` downloads the binary instead, once.
 */
function downloadElectron(version) {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return 'ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it is not downloaded.'
  console.log(`Downloading Electron ${version} (once)…`)
  const script = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js')
  const result = spawnSync(process.execPath, [script], { cwd: projectRoot, encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] })
  if (result.status === 0) return null
  const reason = (result.stderr ?? '').split('\n').find((line) => /error/i.test(line)) ?? `exit code ${result.status}`
  return `downloading it failed: ${reason.trim()}.`
}

function cannotRunElectron(problem) {
  stop([
    'Zhike cannot start as a desktop app on this machine:',
    `  ${problem}`,
    '',
    'To fix it, on a machine with internet access, unset ELECTRON_SKIP_BINARY_DOWNLOAD and run',
    '`npm start` again: it downloads Electron once.',
    '',
    'Meanwhile, Zhike runs in a browser through its hub:',
    '  npm run serve -- --demo',
    '  then open http://127.0.0.1:4870',
  ])
}

/** Where the Electron build of better-sqlite3 lives; the key changes with either version. */
function sqliteCacheFile(electronVersion) {
  const sqliteVersion = readJson(require.resolve('better-sqlite3/package.json')).version
  const key = `better-sqlite3-${sqliteVersion}-electron-${electronVersion}-${process.platform}-${process.arch}`
  return { key, file: path.join(cacheRoot, key, 'better_sqlite3.node'), sqliteVersion }
}

async function loadRebuild() {
  // @electron/rebuild comes with electron-builder (through app-builder-lib); look there if not hoisted.
  for (const from of [projectRoot, path.dirname(require.resolve('app-builder-lib/package.json'))]) {
    try {
      const entry = createRequire(path.join(from, 'package.json')).resolve('@electron/rebuild')
      return (await import(pathToFileURL(entry).href)).rebuild
    } catch {
      // try the next place
    }
  }
  return null
}

/** Builds better-sqlite3 for Electron once, from a copy of the package, into the cache. */
async function electronSqliteBinding(electronVersion) {
  const { key, file, sqliteVersion } = sqliteCacheFile(electronVersion)
  if (fs.existsSync(file)) return file

  const rebuild = await loadRebuild()
  if (!rebuild) stop(['Zhike cannot prepare its database module for Electron: @electron/rebuild is missing.', 'Run `npm install` again (electron-builder brings it).'])

  console.log(`Preparing better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (once; cached in ${path.relative(projectRoot, path.dirname(file))})…`)
  const work = path.join(cacheRoot, `${key}.build-${process.pid}`)
  const source = path.dirname(require.resolve('better-sqlite3/package.json'))
  const copy = path.join(work, 'node_modules', 'better-sqlite3')
  // An npm `nodedir` (npm exports it as npm_config_nodedir) points node-gyp at Node's headers,
  // which would build a Node binary under an Electron name. Electron's headers are wanted here.
  for (const name of Object.keys(process.env)) if (name.toLowerCase() === 'npm_config_nodedir') delete process.env[name]
  let failure = null
  try {
    fs.rmSync(work, { recursive: true, force: true })
    // The copy leaves out build/: that is node_modules' Node build, which must stay as it is.
    fs.cpSync(source, copy, { recursive: true, filter: (from) => from !== path.join(source, 'build') })
    fs.writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'zhike-sqlite-for-electron', version: '0.0.0', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }))
    // Downloads a prebuilt binary when one exists, else compiles against Electron's headers.
    await rebuild({ buildPath: work, electronVersion, arch: process.arch, onlyModules: ['better-sqlite3'], force: true, mode: 'sequential' })
    const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node')
    if (!fs.existsSync(built)) throw new Error(`the build finished but left no ${path.relative(work, built)}`)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const partial = `${file}.${process.pid}.partial`
    fs.copyFileSync(built, partial)
    fs.renameSync(partial, file) // atomic: a half-written file is never taken for a build
  } catch (error) {
    failure = error
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
  if (failure) {
    stop([
      `Zhike could not build better-sqlite3 for Electron ${electronVersion}:`,
      `  ${String(failure?.message ?? failure).split('\n')[0]}`,
      '',
      'This is needed once. It downloads a prebuilt binary, or Electron’s headers to compile one',
      '(a C++ toolchain and Python are then needed). Check the internet connection and run `npm start` again.',
      'Your tests are unaffected: node_modules keeps its Node build.',
    ])
  }
  return file
}

function buildApp() {
  const bin = readJson(require.resolve('electron-vite/package.json')).bin
  const cli = path.join(path.dirname(require.resolve('electron-vite/package.json')), typeof bin === 'string' ? bin : bin['electron-vite'])
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: projectRoot, stdio: 'inherit' })
  if (result.status !== 0) stop(['Zhike did not build (see the errors above).'])
}

function runElectron(binary, binding) {
  const env = { ...process.env, ZHIKE_SQLITE_BINDING: binding }
  delete env.ELECTRON_RUN_AS_NODE // it would turn Electron into plain Node
  const child = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: projectRoot, env, stdio: 'inherit' })
  child.on('error', (error) => cannotRunElectron(`the Electron binary at ${binary} would not start (${error.code ?? error.message}).`))
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (!child.killed) child.kill(signal)
    })
  }
  child.on('exit', (code, signal) => {
    // A shell reports death by signal N as 128 + N; do the same.
    process.exit(signal ? 128 + (os.constants.signals[signal] ?? 0) : (code ?? 1))
  })
}

let electron = findElectron()
if (electron.missing) {
  const failure = downloadElectron(electron.version)
  electron = failure ? { problem: `${electron.problem}; ${failure}` } : findElectron()
}
if (!electron.binary) cannotRunElectron(electron.problem)
const binding = await electronSqliteBinding(electron.version)
if (process.argv.includes('--prepare-only')) {
  // For the Electron end-to-end test: prepare the native module, print its path, stop.
  console.log(binding)
  process.exit(0)
}
buildApp()
runElectron(electron.binary, binding)
