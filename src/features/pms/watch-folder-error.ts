/** What the watch folder's Save was refused for, as a message key and its values; null for any other failure. */
export type WatchFolderProblem = { key: 'pms.settings.noSuchFolder'; folder: string } | { key: 'pms.settings.fullPath' }

/**
 * The store refuses a watch folder that is not a full path (VALIDATION on `watchFolder`) or that
 * is no folder on its computer (the same, with details.reason 'not_a_folder' and the folder):
 * each gets a sentence saying what to do, instead of "check watchFolder".
 */
export function watchFolderProblem(error: unknown, typed: string): WatchFolderProblem | null {
  // An ApiError (api/client.ts), read by its shape so this stays a plain helper.
  const failure = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; details?: unknown }
  if (failure.code !== 'VALIDATION') return null
  const details = (failure.details ?? {}) as { reason?: unknown; folder?: unknown; issues?: { path?: unknown }[] }
  const onFolder = (details.issues ?? []).some((i) => i.path === 'watchFolder')
  if (details.reason === 'not_a_folder') return { key: 'pms.settings.noSuchFolder', folder: typeof details.folder === 'string' ? details.folder : typed }
  return onFolder ? { key: 'pms.settings.fullPath' } : null
}

/** Whether the form differs from what is saved: Save has something to do. */
export function settingsChanged(saved: { mode: string; watchFolder: string | null }, shown: { mode: string; watchFolder: string }): boolean {
  return saved.mode !== shown.mode || (saved.watchFolder ?? '') !== shown.watchFolder.trim()
}
