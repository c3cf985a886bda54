import fs from 'node:fs'
import { app, BrowserWindow, dialog } from 'electron'
import type { DesktopLog } from './desktop-log'
import type { DesktopStrings } from './desktop-strings'
import { chooseUpdatePolicy, updateCheckIntervalMs, updatePolicyFiles, updatePolicyLogLine, updateQuestion } from './update-policy'

function readOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch {
    return null
  }
}

/**
 * electron-updater, only where updates.json allows it (update-policy.ts), from the hotel's own
 * generic feed. It downloads in the background and never installs on its own: the person is asked,
 * and told when the PC serves department terminals.
 */
export async function startUpdates(options: { log: DesktopLog; strings: () => DesktopStrings; serving: () => boolean }): Promise<void> {
  const { log } = options
  const policy = chooseUpdatePolicy({
    packaged: app.isPackaged,
    files: updatePolicyFiles({ platform: process.platform, env: process.env, userData: app.getPath('userData') }).map((file) => ({ file, text: readOrNull(file) })),
  })
  log.info(updatePolicyLogLine(policy))
  if (!policy.allowed) return
  // Loaded only when allowed: nothing of the updater runs on a PC whose hotel did not ask for it.
  const { autoUpdater } = await import('electron-updater')
  autoUpdater.logger = { info: (m) => log.info(`updates: ${String(m)}`), warn: (m) => log.warn(`updates: ${String(m)}`), error: (m) => log.error(`updates: ${String(m)}`), debug: () => {} }
  autoUpdater.setFeedURL({ provider: 'generic', url: policy.feedUrl })
  autoUpdater.autoDownload = true
  autoUpdater.autoInstallOnAppQuit = false
  let asking = false
  autoUpdater.on('update-downloaded', (info) => {
    if (asking) return
    asking = true
    const strings = options.strings()
    const question = updateQuestion(options.serving())
    const buttons = [strings.restartNow, strings.later]
    const parent = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
    const box = {
      type: 'info' as const,
      title: strings.updateReadyTitle,
      message: strings.updateReadyMessage(info.version),
      detail: strings[question.detail],
      buttons,
      defaultId: question.defaultButton === 'restartNow' ? 0 : 1,
      cancelId: 1,
      noLink: true,
    }
    void (parent ? dialog.showMessageBox(parent, box) : dialog.showMessageBox(box)).then(({ response }) => {
      asking = false
      if (response === 0) {
        log.info(`updates: installing ${info.version} now, as asked`)
        autoUpdater.quitAndInstall()
      } else {
        log.info(`updates: ${info.version} will be installed when Zhike is next closed`)
        autoUpdater.autoInstallOnAppQuit = true
      }
    })
  })
  autoUpdater.on('error', (error) => log.warn(`updates: ${error.message}`))
  const check = () => void autoUpdater.checkForUpdates().catch((error: Error) => log.warn(`updates: check failed: ${error.message}`))
  check()
  setInterval(check, updateCheckIntervalMs).unref()
}
