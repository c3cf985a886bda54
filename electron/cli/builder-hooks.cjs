// electron-builder hooks (see electron-builder.yml).
//
// With npmRebuild, electron-builder rebuilds better-sqlite3 for Electron IN PLACE, in
// node_modules. That is right for the package and wrong for `npm test`, which runs plain Node
// against the same node_modules. So: keep a copy of the Node build before, put it back after.
const { spawnSync } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')

const root = path.resolve(__dirname, '..', '..')
const inPlace = path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')

function savedNodeBuild() {
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8'))
  const key = `better-sqlite3-${version}-node-${process.versions.modules}-${process.platform}-${process.arch}`
  return path.join(root, 'node_modules', '.cache', 'zhike', key, 'better_sqlite3.node')
}

/** Whether node_modules holds a build that plain Node (this Node) can load. */
function loadsInNode() {
  const probe = "new (require('better-sqlite3'))(':memory:').close()"
  return spawnSync(process.execPath, ['-e', probe], { cwd: root, stdio: 'ignore' }).status === 0
}

exports.beforeBuild = async () => {
  if (fs.existsSync(inPlace) && loadsInNode()) {
    const saved = savedNodeBuild()
    fs.mkdirSync(path.dirname(saved), { recursive: true })
    fs.copyFileSync(inPlace, saved)
  }
  return true // and let electron-builder rebuild for Electron
}

exports.afterAllArtifactBuild = async () => {
  const saved = savedNodeBuild()
  if (fs.existsSync(saved) && !loadsInNode()) {
    fs.copyFileSync(saved, inPlace)
    console.log('  • restored the Node build of better-sqlite3 in node_modules (for npm test)')
  }
  return []
}
