import type { StartFailure } from '../core-host/protocol'
import type { DesktopStrings } from './desktop-strings'

/**
 * The dialog shown when the store cannot be opened (another Zhike holds it, it is damaged, a
 * newer Zhike wrote it, the native module is the wrong build): a translated title, core's own
 * message (it names the holder process or what to do), a translated hint and the data folder.
 */
export function startFailureDialog(strings: DesktopStrings, failure: StartFailure, dataFolder: string): { title: string; content: string } {
  return {
    title: strings.startFailureTitles[failure.code],
    content: [failure.message, strings.startFailureHints[failure.code], strings.dataFolder(dataFolder)].join('\n\n'),
  }
}
