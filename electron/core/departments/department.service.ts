import { z } from 'zod'
import type { Sqlite } from '../db/query'
import { invalidate } from '../db/store-cache'
import { AppError } from '../errors'
import { visibleName } from '../name-schema'
import { promiseCacheKey } from '../prompts/prompt.service'
import { findDepartment, insertDepartment } from './department.repository'

/** A week, the longest promise a department may make (minutes). */
export const longestPromiseMinutes = 7 * 24 * 60
/** A new department promises to acknowledge within 10 minutes, or within its promise to act if that is shorter. */
export const defaultAckMinutes = 10

const refuse = (path: string, message: string) => new AppError('VALIDATION', `${path}: ${message}`, { issues: [{ path, message }] })

/** A department's names, English and Chinese, as people read them. */
export const departmentName = z.object({ en: visibleName(60, 'Enter a name in letters.'), zh: visibleName(60, 'Enter a name in letters.') })

/**
 * A new department (or outlet) as `department.create` and the first start take it:
 * `code` lower-case letters and _ (2–40), names en/zh, `promiseMinutes` 1–10080 (minutes to act),
 * optional `parentCode` (the department an outlet hangs under).
 */
export const newDepartmentInput = z.object({
  code: z.string().trim().regex(/^[a-z_]{2,40}$/, 'Use 2 to 40 lower-case letters and _ only, such as spa or kids_club.'),
  name: departmentName,
  promiseMinutes: z.number().int().min(1, 'Give at least 1 minute.').max(longestPromiseMinutes, 'At most a week (10080 minutes).'),
  parentCode: z.string().min(1).max(40).nullish(),
})
export type NewDepartment = z.output<typeof newDepartmentInput>

/** An outlet hangs under an active department that is not itself an outlet: one level only. */
function assertParent(sqlite: Sqlite, parentCode: string): void {
  const parent = findDepartment(sqlite, parentCode)
  if (!parent || parent.active !== 1) {
    throw refuse('parentCode', `There is no department "${parentCode}" to put this outlet under; choose one from the department list.`)
  }
  if (parent.parent_code !== null) {
    throw refuse('parentCode', `"${parentCode}" is itself an outlet of ${parent.parent_code}; put the new outlet under ${parent.parent_code} instead.`)
  }
}

/**
 * Adds a department: the one path for `department.create`, the first start and the demo.
 * Errors: VALIDATION naming `code` (taken, also by a retired department) or `parentCode`.
 */
export function createDepartment(sqlite: Sqlite, input: NewDepartment): void {
  const existing = findDepartment(sqlite, input.code)
  if (existing) {
    const message = existing.active === 1 ? `There is already a department with the code ${input.code}.` : `A retired department used the code ${input.code}; choose another code.`
    throw refuse('code', message)
  }
  if (input.parentCode) assertParent(sqlite, input.parentCode)
  insertDepartment(sqlite, {
    code: input.code,
    name_en: input.name.en,
    name_zh: input.name.zh,
    promise_minutes: input.promiseMinutes,
    ack_minutes: Math.min(defaultAckMinutes, input.promiseMinutes),
    active: 1,
    parent_code: input.parentCode ?? null,
  })
  invalidate(sqlite, promiseCacheKey)
}
