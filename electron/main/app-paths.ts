import path from 'node:path'

/**
 * The better-sqlite3 build that matches Electron's ABI. `npm start` builds one into a cache
 * and names it in ZHIKE_SQLITE_BINDING; a packaged app uses its own rebuilt module, so the
 * variable is honoured only in development (nobody can point a shipped app at other native code).
 */
export function sqliteBinding(options: { env: Record<string, string | undefined>; packaged: boolean; exists: (file: string) => boolean }): string | undefined {
  if (options.packaged) return undefined
  const file = options.env.ZHIKE_SQLITE_BINDING
  if (!file) return undefined
  const resolved = path.resolve(file)
  if (!options.exists(resolved)) throw new Error(`ZHIKE_SQLITE_BINDING names ${resolved}, which does not exist. Run npm start again to rebuild it.`)
  return resolved
}

/** resources/demo in the project, or beside the app as electron-builder's extraResources put it. */
export function demoDirectory(options: { packaged: boolean; resourcesPath: string; projectRoot: string }): string {
  return options.packaged ? path.join(options.resourcesPath, 'demo') : path.join(options.projectRoot, 'resources', 'demo')
}
