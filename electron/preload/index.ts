import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { ipcChannels, type ZhikeBridge } from '../core/bridge'
import type { Result } from '../core/core'
import type { CoreEvent } from '../core/events'
import { localeFromArgv } from '../main/locale-argument'

// The page gets three things and no more: call an operation, hear core events, know the locale.
const bridge = {
  call: (method: string, input: unknown): Promise<Result> => ipcRenderer.invoke(ipcChannels.call, { method, input }),
  onEvent(listener: (event: CoreEvent) => void): () => void {
    // Wrap, so the page never receives the IpcRendererEvent (it carries the sender).
    const forward = (_event: IpcRendererEvent, event: CoreEvent) => listener(event)
    ipcRenderer.on(ipcChannels.event, forward)
    return () => void ipcRenderer.removeListener(ipcChannels.event, forward)
  },
  locale: localeFromArgv(process.argv),
} satisfies ZhikeBridge

contextBridge.exposeInMainWorld('zhike', bridge)
