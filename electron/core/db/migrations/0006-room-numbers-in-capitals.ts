import type { Migration } from './migration'

// Frozen: shipped migrations never change. Add a new file instead.
// Room numbers are stored in capitals, so "12a" typed anywhere is room 12A. A store that already
// holds both 12a and 12A keeps the lower-case one as it is (found by neither spelling's look-up
// in capitals; the manager retires it).
export const roomNumbersInCapitals: Migration = {
  name: '0006-room-numbers-in-capitals',
  up({ run }) {
    run('UPDATE room SET number = upper(number) WHERE number <> upper(number) AND upper(number) NOT IN (SELECT number FROM room)')
  },
}
