import type { Migration } from './migration'
import { foundation } from './0001-foundation'
import { profiles } from './0002-profiles'
import { rulePolarity } from './0003-rule-polarity'
import { sessionsAndEventLog } from './0004-sessions-and-event-log'
import { nameSearch } from './0005-name-search'
import { roomNumbersInCapitals } from './0006-room-numbers-in-capitals'
import { besideThePms } from './0007-beside-the-pms'
import { servicePromises } from './0008-service-promises'
import { promiseTimers } from './0009-promise-timers'
import { roomRetired } from './0010-room-retired'
import { dashboardIndexes } from './0011-dashboard-indexes'
import { guestListIndexes } from './0012-guest-list-indexes'

/** Every migration, statically registered, in the order it runs. Append only. */
export const migrations: readonly Migration[] = [foundation, profiles, rulePolarity, sessionsAndEventLog, nameSearch, roomNumbersInCapitals, besideThePms, servicePromises, promiseTimers, roomRetired, dashboardIndexes, guestListIndexes]
