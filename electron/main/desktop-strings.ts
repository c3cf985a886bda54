import type { StartFailureCode } from '../core-host/protocol'
import type { CheckFailure } from './terminal-check'
import type { AddressError, FingerprintError } from './terminal-target'

/**
 * What the main process itself says (menus, dialogs, the connect page), in the two languages the
 * renderer speaks. The renderer's own messages live in src/i18n; these never reach it.
 */
export type DesktopLanguage = 'en' | 'zh-CN'

/** Simplified Chinese for any Chinese system locale, English otherwise (as the renderer first chooses). */
export function desktopLanguage(locale: string | null | undefined): DesktopLanguage {
  return /^zh\b/i.test(locale ?? '') ? 'zh-CN' : 'en'
}

export interface DesktopStrings {
  fileMenu: string
  connectMenu: string
  ownStoreMenu: string
  connectTitle: string
  connectIntro: string
  currentTarget: (url: string) => string
  servingNotice: string
  addressLabel: string
  addressHint: string
  fingerprintLabel: string
  fingerprintHint: string
  connectButton: string
  cancel: string
  addressErrors: Record<AddressError, string>
  fingerprintErrors: Record<FingerprintError, string>
  checkErrors: Record<CheckFailure, string>
  seenFingerprint: (fingerprint: string) => string
  connected: (url: string) => string
  leaveTitle: string
  leaveMessage: (url: string) => string
  leaveDetail: string
  leaveConfirm: string
  unreachableTitle: string
  unreachableMessage: (url: string) => string
  certificateDetail: string
  networkDetail: (description: string) => string
  tryAgain: string
  connectElsewhere: string
  quit: string
  damagedTitle: string
  damagedMessage: (file: string) => string
  helpMenu: string
  openLogFolderMenu: string
  progressTitle: string
  openingStore: string
  preparingSearch: (done: string, total: string) => string
  preparingSearchHint: string
  startFailureTitles: Record<StartFailureCode, string>
  startFailureHints: Record<StartFailureCode, string>
  dataFolder: (folder: string) => string
  hostGoneTitle: string
  hostGoneMessage: string
  hostGoneDetail: (code: number, logFolder: string) => string
  restart: string
  sandboxOffTitle: string
  sandboxOffMessage: string
  sandboxOffDetail: string
  sandboxRefusedTitle: string
  sandboxRefusedMessage: string
  sandboxRefusedDetail: string
  restartWithSandbox: string
  ok: string
  updateReadyTitle: string
  updateReadyMessage: (version: string) => string
  updateReadyDetail: string
  updateReadyServingDetail: string
  restartNow: string
  later: string
}

const en: DesktopStrings = {
  fileMenu: 'File',
  connectMenu: 'Connect to the hotel’s Zhike…',
  ownStoreMenu: 'Use this PC’s own store',
  connectTitle: 'Connect to the hotel’s Zhike',
  connectIntro:
    'This PC becomes a terminal of the Zhike that serves department terminals on another PC. It then keeps no guest store of its own. The administrator finds the address and the certificate fingerprint in that Zhike’s settings, under department terminals.',
  currentTarget: (url) => `This PC is now a terminal of ${url}.`,
  servingNotice: 'This PC serves department terminals itself. Turn that off in its settings before connecting it to another Zhike.',
  addressLabel: 'Address',
  addressHint: 'As the settings show it, for example https://192.168.1.20:4870/',
  fingerprintLabel: 'Certificate fingerprint (SHA-256)',
  fingerprintHint: '32 pairs of letters and digits, AB:CD:…, shown beside the address. Zhike trusts only the server with this certificate.',
  connectButton: 'Check and connect',
  cancel: 'Cancel',
  addressErrors: {
    EMPTY: 'Enter the address.',
    INVALID: 'This is not an address Zhike can open.',
    SCHEME: 'The address begins with https://.',
    NOT_HTTPS: 'Only https:// addresses are accepted (http:// only for this PC itself).',
    PORT: 'The port is a number from 1 to 65535.',
    PATH: 'Give the address without anything after the port (https://host:port/).',
  },
  fingerprintErrors: {
    EMPTY: 'Enter the certificate fingerprint.',
    FORMAT: 'A SHA-256 fingerprint is 32 pairs of hexadecimal digits (0–9, A–F), like AB:CD:….',
  },
  checkErrors: {
    UNREACHABLE: 'Nothing answered at this address. Check that the other PC is on, serves department terminals, and is on the same network.',
    TIMEOUT: 'The server did not answer in time. Check the address and the network, then try again.',
    FINGERPRINT:
      'The server at this address has a different certificate. Check the fingerprint with the administrator: if it is right, something else is answering at this address, and Zhike will not connect to it.',
    NOT_ZHIKE: 'Something answered at this address, but it is not Zhike serving department terminals.',
    HOST: 'The server does not answer to this name. Use one of the addresses its settings list.',
  },
  seenFingerprint: (fingerprint) => `Its certificate’s fingerprint is ${fingerprint}.`,
  connected: (url) => `Connected. Zhike restarts now as a terminal of ${url}.`,
  leaveTitle: 'Use this PC’s own store',
  leaveMessage: (url) => `Stop being a terminal of ${url} and use this PC’s own guest store?`,
  leaveDetail: 'Zhike restarts. Nothing is deleted on the server; this PC’s own store opens as it was left.',
  leaveConfirm: 'Use this PC’s own store',
  unreachableTitle: 'The hotel’s Zhike cannot be reached',
  unreachableMessage: (url) => `Zhike cannot open ${url}.`,
  certificateDetail:
    'The server’s certificate is not the one this PC was connected with. If the administrator made a new certificate, connect again with its new fingerprint; otherwise something else is answering at this address.',
  networkDetail: (description) => `Check that the other PC is on and serves department terminals, and that this PC is on the same network. (${description})`,
  tryAgain: 'Try again',
  connectElsewhere: 'Connect again…',
  quit: 'Quit',
  damagedTitle: 'Terminal settings are damaged',
  damagedMessage: (file) => `${file} does not say which Zhike to connect to. Connect again, or use this PC’s own store.`,
  helpMenu: 'Help',
  openLogFolderMenu: 'Open log folder',
  progressTitle: 'Zhike 知客',
  openingStore: 'Opening the guest store…',
  preparingSearch: (done, total) => `Preparing guest search… ${done} of ${total}`,
  preparingSearchHint: 'This happens once after an update. Zhike opens when it is done.',
  startFailureTitles: {
    STORE_IN_USE: 'The guest store is already open in another Zhike',
    STORE_DAMAGED: 'The guest store is damaged',
    STORE_TOO_NEW: 'The guest store was written by a newer Zhike',
    NATIVE_MODULE: 'Zhike’s database module does not match this Electron',
    START_FAILED: 'Zhike cannot open its guest store',
  },
  startFailureHints: {
    STORE_IN_USE: 'Only one Zhike may use a data folder at a time. Close the other one (or stop the hub that uses this folder), then start Zhike again.',
    STORE_DAMAGED: 'Zhike has not written to it. Keep a copy of the folder below and call whoever looks after this PC.',
    STORE_TOO_NEW: 'Install the newer Zhike again, or ask whoever looks after this PC.',
    NATIVE_MODULE: 'Start Zhike with `npm start`: it prepares the database module for Electron.',
    START_FAILED: 'The log folder (Help → Open log folder) says more.',
  },
  dataFolder: (folder) => `Data folder: ${folder}`,
  hostGoneTitle: 'Zhike’s guest store stopped',
  hostGoneMessage: 'The part of Zhike that keeps the guest store stopped unexpectedly. Everything saved before this moment is kept.',
  hostGoneDetail: (code, logFolder) => `Restart Zhike to go on working. The log may say why (exit code ${code}): ${logFolder}`,
  restart: 'Restart Zhike',
  sandboxOffTitle: 'Zhike runs without Chromium’s sandbox on this PC',
  sandboxOffMessage: 'This Linux restricts the user namespaces Chromium’s sandbox needs, so the AppImage started Zhike without it.',
  sandboxOffDetail:
    'Zhike’s pages stay isolated from the system, but one layer of protection is missing. To restore it, install Zhike’s .deb package instead of the AppImage (it brings the AppArmor profile the sandbox needs), or ask whoever looks after this PC. The log records this at every start.',
  sandboxRefusedTitle: 'Zhike will not run without its sandbox',
  sandboxRefusedMessage: 'Zhike was started with --no-sandbox, although this PC does not need it.',
  sandboxRefusedDetail: 'The sandbox keeps guest data safe if a page ever misbehaves. Restart Zhike normally, from its menu entry or without --no-sandbox.',
  restartWithSandbox: 'Restart with the sandbox',
  ok: 'OK',
  updateReadyTitle: 'A new Zhike is ready',
  updateReadyMessage: (version) => `Zhike ${version} has been downloaded. Restart to install it?`,
  updateReadyDetail: 'Zhike closes for a moment and opens again. Choose Later to install it the next time Zhike is closed.',
  updateReadyServingDetail:
    'This PC serves department terminals: while Zhike restarts, their boards show “offline” for about a minute and catch up afterwards. Choose Later to install it the next time Zhike is closed.',
  restartNow: 'Restart now',
  later: 'Later',
}

const zhCN: DesktopStrings = {
  fileMenu: '文件',
  connectMenu: '连接酒店的知客…',
  ownStoreMenu: '使用本机自己的数据',
  connectTitle: '连接酒店的知客',
  connectIntro:
    '本机将成为另一台电脑上提供部门终端服务的知客的终端，本机不再保存自己的宾客数据。管理员可在那台知客的设置中（部门终端）找到地址和证书指纹。',
  currentTarget: (url) => `本机目前是 ${url} 的终端。`,
  servingNotice: '本机自己正在提供部门终端服务。请先在设置中关闭该服务，再连接到其他知客。',
  addressLabel: '地址',
  addressHint: '与设置中显示的一致，例如 https://192.168.1.20:4870/',
  fingerprintLabel: '证书指纹（SHA-256）',
  fingerprintHint: '32 组字母和数字（AB:CD:…），显示在地址旁边。知客只信任持有此证书的服务器。',
  connectButton: '检查并连接',
  cancel: '取消',
  addressErrors: {
    EMPTY: '请输入地址。',
    INVALID: '这不是知客可以打开的地址。',
    SCHEME: '地址应以 https:// 开头。',
    NOT_HTTPS: '只接受 https:// 地址（http:// 仅限本机）。',
    PORT: '端口应为 1 到 65535 之间的数字。',
    PATH: '地址在端口之后不应再有其他内容（https://主机:端口/）。',
  },
  fingerprintErrors: {
    EMPTY: '请输入证书指纹。',
    FORMAT: 'SHA-256 指纹由 32 组十六进制数字（0–9、A–F）组成，例如 AB:CD:…。',
  },
  checkErrors: {
    UNREACHABLE: '此地址没有应答。请检查另一台电脑是否开机、是否提供部门终端服务，以及是否在同一网络中。',
    TIMEOUT: '服务器未及时应答。请检查地址和网络后重试。',
    FINGERPRINT: '此地址的服务器使用的是另一份证书。请与管理员核对指纹：如果指纹无误，说明此地址上应答的是其他设备，知客不会连接。',
    NOT_ZHIKE: '此地址有应答，但不是提供部门终端服务的知客。',
    HOST: '服务器不接受这个名称。请使用其设置中列出的地址之一。',
  },
  seenFingerprint: (fingerprint) => `该服务器证书的指纹是 ${fingerprint}。`,
  connected: (url) => `已连接。知客即将重新启动，作为 ${url} 的终端。`,
  leaveTitle: '使用本机自己的数据',
  leaveMessage: (url) => `不再作为 ${url} 的终端，改用本机自己的宾客数据？`,
  leaveDetail: '知客将重新启动。服务器上的数据不会被删除；本机自己的数据保持上次的状态。',
  leaveConfirm: '使用本机自己的数据',
  unreachableTitle: '无法连接酒店的知客',
  unreachableMessage: (url) => `知客无法打开 ${url}。`,
  certificateDetail: '服务器的证书与本机连接时的不同。如果管理员生成了新证书，请用新的指纹重新连接；否则说明此地址上应答的是其他设备。',
  networkDetail: (description) => `请检查另一台电脑是否开机并提供部门终端服务，以及本机是否在同一网络中。（${description}）`,
  tryAgain: '重试',
  connectElsewhere: '重新连接…',
  quit: '退出',
  damagedTitle: '终端设置已损坏',
  damagedMessage: (file) => `${file} 中没有有效的知客地址。请重新连接，或使用本机自己的数据。`,
  helpMenu: '帮助',
  openLogFolderMenu: '打开日志文件夹',
  progressTitle: 'Zhike 知客',
  openingStore: '正在打开宾客数据…',
  preparingSearch: (done, total) => `正在准备宾客搜索… 已完成 ${done} / ${total}`,
  preparingSearchHint: '更新后只需进行一次。完成后知客将自动打开。',
  startFailureTitles: {
    STORE_IN_USE: '宾客数据已在另一个知客中打开',
    STORE_DAMAGED: '宾客数据已损坏',
    STORE_TOO_NEW: '宾客数据由更新版本的知客写入',
    NATIVE_MODULE: '知客的数据库模块与此 Electron 不匹配',
    START_FAILED: '知客无法打开宾客数据',
  },
  startFailureHints: {
    STORE_IN_USE: '同一个数据文件夹一次只能由一个知客使用。请关闭另一个知客（或停止使用此文件夹的服务器），然后重新启动知客。',
    STORE_DAMAGED: '知客没有写入该数据。请保留下面文件夹的副本，并联系负责这台电脑的人员。',
    STORE_TOO_NEW: '请重新安装较新版本的知客，或联系负责这台电脑的人员。',
    NATIVE_MODULE: '请用 `npm start` 启动知客：它会为 Electron 准备数据库模块。',
    START_FAILED: '日志文件夹（帮助 → 打开日志文件夹）中有更多信息。',
  },
  dataFolder: (folder) => `数据文件夹：${folder}`,
  hostGoneTitle: '知客的宾客数据服务已停止',
  hostGoneMessage: '知客中保存宾客数据的部分意外停止。此前保存的内容都已保留。',
  hostGoneDetail: (code, logFolder) => `请重新启动知客以继续工作。日志中可能有原因（退出代码 ${code}）：${logFolder}`,
  restart: '重新启动知客',
  sandboxOffTitle: '知客在这台电脑上未使用 Chromium 沙盒运行',
  sandboxOffMessage: '此 Linux 限制了 Chromium 沙盒所需的用户命名空间，因此 AppImage 在没有沙盒的情况下启动了知客。',
  sandboxOffDetail:
    '知客的页面仍与系统隔离，但少了一层保护。要恢复沙盒，请改为安装知客的 .deb 安装包（它会带来沙盒所需的 AppArmor 配置），或联系负责这台电脑的人员。每次启动时日志都会记录此情况。',
  sandboxRefusedTitle: '知客不会在没有沙盒的情况下运行',
  sandboxRefusedMessage: '知客以 --no-sandbox 启动，但这台电脑并不需要这样做。',
  sandboxRefusedDetail: '沙盒可以在页面出现异常时保护宾客数据。请正常启动知客（通过菜单项，或不带 --no-sandbox）。',
  restartWithSandbox: '使用沙盒重新启动',
  ok: '确定',
  updateReadyTitle: '新版知客已准备好',
  updateReadyMessage: (version) => `知客 ${version} 已下载。现在重新启动以安装吗？`,
  updateReadyDetail: '知客会短暂关闭后重新打开。选择“稍后”将在下次关闭知客时安装。',
  updateReadyServingDetail: '这台电脑正在为部门终端提供服务：知客重新启动期间，终端看板会显示“离线”约一分钟，之后自动补上错过的内容。选择“稍后”将在下次关闭知客时安装。',
  restartNow: '立即重新启动',
  later: '稍后',
}

export function desktopStrings(language: DesktopLanguage): DesktopStrings {
  return language === 'zh-CN' ? zhCN : en
}

/** What the person chose in the "cannot be reached" dialog, by button. */
export type UnreachableChoice = 'retry' | 'connect' | 'own-store' | 'quit'

/** The buttons of that dialog and what each means, in order (the first is the default). */
export function unreachableChoices(strings: DesktopStrings): { buttons: string[]; choices: UnreachableChoice[] } {
  return {
    buttons: [strings.tryAgain, strings.connectElsewhere, strings.ownStoreMenu, strings.quit],
    choices: ['retry', 'connect', 'own-store', 'quit'],
  }
}

/** Chromium's network error codes for certificates are -200 to -299. */
export function isCertificateError(errorCode: number): boolean {
  return errorCode <= -200 && errorCode > -300
}

/** Groups digits as the language does (12,000); the progress window shows counts of guests. */
export function formatCount(language: DesktopLanguage, value: number): string {
  return new Intl.NumberFormat(language).format(value)
}
