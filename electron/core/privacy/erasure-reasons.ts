/**
 * Why a guest is erased: a code, never free text (the audit log must not hold what erasure removes).
 * guest_request: the guest asked (PIPL Art. 47, GDPR Art. 17); purpose_fulfilled: the data is no
 * longer needed; consent_withdrawn; unlawful: it should not have been collected; other. A
 * retention run (privacy.retentionRun) is its own reason, 'retention'. Shared with the renderer:
 * no imports.
 */
export const erasureReasons = ['guest_request', 'purpose_fulfilled', 'consent_withdrawn', 'unlawful', 'other'] as const
export type ErasureReason = (typeof erasureReasons)[number]
