import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { ipcChannels, type ZhikeBridge } from '../core/bridge'
import type { Result } from '../core/core'
import type { CoreEvent } from '../core/events'
import { localeFromArgv } from '../main/locale-argument'

// The page gets four things and no more: call an operation, hear core events, know the locale,
// and ask for the desktop's save and folder dialogs.
const bridge = {
  call: (method: string, input: unknown): Promise<Result> => ipcRenderer.invoke(ipcChannels.call, { method, input }),
  onEvent(listener: (event: CoreEvent) => void): () => void {
    // Wrap, so the page never receives the IpcRendererEvent (it carries the sender).
    const forward = (_event: IpcRendererEvent, event: CoreEvent) => listener(event)
    ipcRenderer.on(ipcChannels.event, forward)
    return () => void ipcRenderer.removeListener(ipcChannels.event, forward)
  },
  locale: localeFromArgv(process.argv),
  files: {
    savePdf: (fileName: string): Promise<Result> => ipcRenderer.invoke(ipcChannels.file, { kind: 'savePdf', fileName }),
    saveFile: (jobId: string): Promise<Result> => ipcRenderer.invoke(ipcChannels.file, { kind: 'saveFile', jobId }),
    chooseFolder: (): Promise<Result> => ipcRenderer.invoke(ipcChannels.file, { kind: 'chooseFolder' }),
    openTransferFile: (): Promise<Result> => ipcRenderer.invoke(ipcChannels.file, { kind: 'openTransferFile' }),
  },
} satisfies ZhikeBridge

contextBridge.exposeInMainWorld('zhike', bridge)
