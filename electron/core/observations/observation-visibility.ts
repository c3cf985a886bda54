import type { Role } from '../staff/roles'
import { roleAllows } from '../staff/roles'
import type { ObservationView } from './observation.view'

/**
 * An observation as one role may see it: a restricted guest's names (the guest asked for
 * discretion) are withheld from roles that may not open restricted profiles and do not read guest
 * profiles (department staff): `guest.withheld` is set and the names are empty. Others see it as it is.
 */
export function observationAsSeenBy(role: Role, view: ObservationView): ObservationView {
  if (view.guest.restricted !== true || roleAllows(role, 'guest.restricted') || roleAllows(role, 'guest.read')) return view
  return { ...view, guest: { nativeName: '', romanName: null, restricted: true, withheld: true } }
}
