import path from 'node:path'

/** Beside the installed app's folder, never inside it: `npm start` must not open a hotel's real store. */
export const developmentFolderName = 'Zhike (development)'

/**
 * The user-data folder to use instead of Electron's default, or undefined to keep it (the
 * installed app). ZHIKE_USER_DATA wins (tests give every run a folder of its own); otherwise a
 * development run (not packaged) uses `<appData>/Zhike (development)`, because Electron names the
 * default after the product, which is the installed app's own folder. Set before 'ready'.
 */
export function userDataOverride(options: { packaged: boolean; env: Record<string, string | undefined>; appData: string }): string | undefined {
  const chosen = options.env.ZHIKE_USER_DATA
  if (chosen && chosen.trim() !== '') return path.resolve(chosen)
  if (!options.packaged) return path.join(options.appData, developmentFolderName)
  return undefined
}
