import en from './en.json'
import zhCN from './zh-CN.json'
import guestsEn from './guests.en.json'
import guestsZhCN from './guests.zh-CN.json'
import observationsEn from './observations.en.json'
import observationsZhCN from './observations.zh-CN.json'
import sessionEn from './session.en.json'
import sessionZhCN from './session.zh-CN.json'
import setupEn from './setup.en.json'
import setupZhCN from './setup.zh-CN.json'
import settingsEn from './settings.en.json'
import settingsZhCN from './settings.zh-CN.json'
import liveEn from './live.en.json'
import liveZhCN from './live.zh-CN.json'
import screensEn from './screens.en.json'
import screensZhCN from './screens.zh-CN.json'
import pmsEn from './pms.en.json'
import pmsZhCN from './pms.zh-CN.json'
import roomsEn from './rooms.en.json'
import roomsZhCN from './rooms.zh-CN.json'
import otaEn from './ota.en.json'
import otaZhCN from './ota.zh-CN.json'
import deskEn from './desk.en.json'
import deskZhCN from './desk.zh-CN.json'
import outletsEn from './outlets.en.json'
import outletsZhCN from './outlets.zh-CN.json'
import reportsEn from './reports.en.json'
import reportsZhCN from './reports.zh-CN.json'
import rulesEn from './rules.en.json'
import rulesZhCN from './rules.zh-CN.json'
import promisesEn from './promises.en.json'
import promisesZhCN from './promises.zh-CN.json'
import dashboardEn from './dashboard.en.json'
import dashboardZhCN from './dashboard.zh-CN.json'
import roomSetupEn from './room-setup.en.json'
import roomSetupZhCN from './room-setup.zh-CN.json'
import hotelSetupEn from './hotel-setup.en.json'
import hotelSetupZhCN from './hotel-setup.zh-CN.json'
import printEn from './print.en.json'
import printZhCN from './print.zh-CN.json'
import transferEn from './transfer.en.json'
import transferZhCN from './transfer.zh-CN.json'
import backupsEn from './backups.en.json'
import backupsZhCN from './backups.zh-CN.json'
import guestListsEn from './guest-lists.en.json'
import guestListsZhCN from './guest-lists.zh-CN.json'
import privacyErasureEn from './privacy-erasure.en.json'
import privacyErasureZhCN from './privacy-erasure.zh-CN.json'
import auditEn from './audit.en.json'
import privacyEn from './privacy.en.json'
import privacyZhCN from './privacy.zh-CN.json'
import auditZhCN from './audit.zh-CN.json'

import staffEn from './staff.en.json'
import recoveryEn from './recovery.en.json'
import recoveryZhCN from './recovery.zh-CN.json'
import recoveryReportEn from './recovery-report.en.json'
import recoveryReportZhCN from './recovery-report.zh-CN.json'
import staffZhCN from './staff.zh-CN.json'
export type Messages = { [key: string]: string | Messages }

/** Each feature keeps its own message file; they merge into one namespace, later files adding keys. */
export function mergeMessages(...files: Messages[]): Messages {
  const out: Messages = {}
  for (const file of files) {
    for (const [key, value] of Object.entries(file)) {
      const prior = out[key]
      out[key] = typeof value === 'object' && typeof prior === 'object' ? mergeMessages(prior, value) : value
    }
  }
  return out
}

export const messages = {
  en: mergeMessages(en, guestsEn, observationsEn, sessionEn, setupEn, settingsEn, screensEn, liveEn, otaEn, roomsEn, pmsEn, deskEn, outletsEn, reportsEn, rulesEn, promisesEn, roomSetupEn, printEn, hotelSetupEn, dashboardEn, transferEn, backupsEn, guestListsEn, auditEn, staffEn, privacyErasureEn, privacyEn, recoveryEn, recoveryReportEn),
  'zh-CN': mergeMessages(zhCN, guestsZhCN, observationsZhCN, sessionZhCN, setupZhCN, settingsZhCN, screensZhCN, liveZhCN, otaZhCN, roomsZhCN, pmsZhCN, deskZhCN, outletsZhCN, reportsZhCN, rulesZhCN, promisesZhCN, roomSetupZhCN, printZhCN, hotelSetupZhCN, dashboardZhCN, transferZhCN, backupsZhCN, guestListsZhCN, auditZhCN, staffZhCN, privacyErasureZhCN, privacyZhCN, recoveryZhCN, recoveryReportZhCN),
}
