import { z } from 'zod'
import { recordAudit } from '../audit/audit.repository'
import { actorOf } from '../context'
import { operation } from '../operation'
import { AppError } from '../errors'
import { putSetting } from '../setup/setting.repository'
import { currencyKey, hotelCurrency, isCurrencyCode, minorUnits } from './currency'
import { compensationRecorded } from './recovery.repository'

/** An ISO 4217 code the runtime knows, any case ('usd' is USD). */
const currencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCurrencyCode, 'Use a three-letter currency code (ISO 4217), such as CNY, HKD, MOP or USD.')

export const hotelCurrencyOperations = {
  /**
   * The hotel's currency: compensation and other money are kept and shown in it. Any signed-in
   * staff member. Answers `{ currency, minorUnits }`: the ISO 4217 code (default 'CNY'; a missing
   * or damaged setting reads as CNY) and the decimals of its minor unit (2 for CNY: values in
   * `*Minor` fields are fen).
   */
  'hotel.currency': operation({
    kind: 'query',
    summary: 'The hotel’s currency (ISO 4217, default CNY) and the decimals of its minor unit, in which money such as compensation is kept.',
    permission: 'hotel.read',
    input: z.object({}).strict(),
    handler(ctx) {
      return currencyAnswer(hotelCurrency(ctx.sqlite))
    },
  }),

  /**
   * Sets the hotel's currency (`{ currency: 'HKD' }`, any case). Managers and administrators
   * (`hotel.write`, as the rest of the settings screen); audited with the code before and after.
   * Amounts are stored without their currency, so the currency is locked once any compensation
   * is recorded (setting the same code again is fine). Answers `{ currency, minorUnits }`.
   * Errors: VALIDATION (path 'currency') for a code Intl does not know, or for another code once
   * compensation exists (the stored setting is kept); VALIDATION naming an unknown field;
   * FORBIDDEN for other roles.
   */
  'hotel.setCurrency': operation({
    kind: 'mutation',
    summary: 'Managers: set the hotel’s currency (ISO 4217: CNY, HKD, MOP, USD…). Locked once any compensation is recorded (amounts are never converted).',
    permission: 'hotel.write',
    input: z.object({ currency: currencyCode }).strict(),
    handler(ctx, input) {
      const before = hotelCurrency(ctx.sqlite)
      if (input.currency === before) return currencyAnswer(before)
      if (compensationRecorded(ctx.sqlite)) {
        const message = `Compensation is already recorded in ${before}: the currency cannot change any more, or those amounts would read as ${input.currency}.`
        // problem/params let the settings screen say it in the user's language (recovery.fieldError.currencyLocked).
        throw new AppError('VALIDATION', `currency: ${message}`, { issues: [{ path: 'currency', message, problem: 'compensation_recorded', params: { currency: before } }] })
      }
      putSetting(ctx.sqlite, currencyKey, input.currency)
      recordAudit(ctx.sqlite, {
        at: ctx.clock.now().toISOString(),
        staffId: actorOf(ctx).staffId,
        action: 'hotel.setCurrency',
        entity: 'setting',
        detail: { before, currency: input.currency },
      })
      return currencyAnswer(input.currency)
    },
  }),
}

function currencyAnswer(currency: string): { currency: string; minorUnits: number } {
  return { currency, minorUnits: minorUnits(currency) }
}
