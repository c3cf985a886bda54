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
