import type { Role } from '../../../electron/core/staff/roles'
import type { ErasureReason } from '../../../electron/core/privacy/erasure-reasons'

/**
 * Who sees which privacy action (core checks the permission whatever the screen shows; see
 * electron/core/staff/roles.ts): the right-of-access export is `guest.privacy` (guest relations,
 * managers, administrators), erasure `guest.erase` (managers, administrators).
 */
export const accessExportRoles: readonly Role[] = ['guest_relations', 'manager', 'admin']
export const eraseRoles: readonly Role[] = ['manager', 'admin']

/** The reasons the erase dialog offers, in this order (core's list: electron/core/privacy/erasure-reasons.ts). */
export const erasureReasonChoices = ['guest_request', 'purpose_fulfilled', 'consent_withdrawn', 'unlawful', 'other'] as const satisfies readonly ErasureReason[]
