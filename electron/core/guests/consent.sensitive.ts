import type { PreferenceFact } from './preference'

/**
 * Which preferences are sensitive personal information: the one place that decides it.
 *
 * PIPL Art. 28 names medical and health information and religious belief as sensitive personal
 * information (and GDPR Art. 9 health data and religious beliefs); Art. 29 requires separate
 * consent to process them. Of the base vocabulary (vocabulary/base-vocabulary.ts) that is:
 * - every accessibility need (category `access`: hearing, mobility, vision): health;
 * - food allergies (`food.allergy`): health;
 * - the diets that state a health condition or a faith (`food.diet` low_salt, low_sugar: health;
 *   halal: religious belief).
 * Not sensitive: cuisines, dislikes, vegetarian, rooms, amenities, interests, service style.
 * A category or code a hotel adds under `access` or `food.allergy` is sensitive too.
 */
export const sensitiveCategories: readonly string[] = ['access']
export const sensitiveCodes: readonly string[] = ['food.allergy']
export const sensitiveValues: readonly string[] = ['food.diet=halal', 'food.diet=low_salt', 'food.diet=low_sugar']

/** Whether a preference is sensitive personal information (see above). */
export function isSensitivePreference(p: Pick<PreferenceFact, 'category' | 'code' | 'value'>): boolean {
  return sensitiveCategories.includes(p.category) || sensitiveCodes.includes(`${p.category}.${p.code}`) || sensitiveValues.includes(`${p.category}.${p.code}=${p.value}`)
}
