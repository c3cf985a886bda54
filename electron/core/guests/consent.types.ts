/** What a guest consents to: marketing contact, or keeping sensitive personal information (PIPL Art. 29). */
export const consentKinds = ['marketing', 'sensitive'] as const
export type ConsentKind = (typeof consentKinds)[number]
/** How the guest said it. 'before_records' marks consents held before consent records (migration 0015); never chosen. */
export const consentMethods = ['in_person', 'paper_form', 'phone', 'email', 'online', 'pms'] as const
export type ConsentMethod = (typeof consentMethods)[number]
