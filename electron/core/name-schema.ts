import { z } from 'zod'
import { isVisibleName } from './text-hygiene'

/**
 * A name people read (a guest, a company, a member of staff, a department, the hotel): trimmed,
 * at most `max` characters, and visible: a name of spaces, zero-width characters or direction
 * overrides ("\u200b", "\u202e鬼") is refused with `message`.
 */
export function visibleName(max: number, message: string) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((v) => isVisibleName(v), message)
}

/** An optional name: empty or missing is null; anything else must be a visible name. */
export function optionalVisibleName(max: number, message: string) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((v) => v === '' || isVisibleName(v), message)
    .nullish()
    .transform((v) => (v ? v : null))
}
