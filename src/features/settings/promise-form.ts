/** A department's promises as the settings form edits them, pure (test/unit/promise-form.test.ts). */

export const notifyChoices = ['lead', 'duty_manager', 'guest_relations'] as const
export type Notify = (typeof notifyChoices)[number]
export const maxSteps = 5
const week = 7 * 24 * 60

export interface PromiseForm {
  ackMinutes: number | ''
  promiseMinutes: number | ''
  steps: { afterMinutes: number | ''; notify: Notify }[]
}

/** Problems by the store's path ('ackMinutes', 'steps.1.afterMinutes'): an i18n key and its values. */
export type PromiseProblems = Record<string, { key: string; values?: Record<string, number> }>

const minutesOk = (n: number | '', min: number) => n !== '' && Number.isInteger(n) && n >= min && n <= week

export function checkPromiseForm(form: PromiseForm): PromiseProblems {
  const out: PromiseProblems = {}
  if (!minutesOk(form.ackMinutes, 1)) out.ackMinutes = { key: 'settings.promises.minutes', values: { max: week } }
  if (!minutesOk(form.promiseMinutes, 1)) out.promiseMinutes = { key: 'settings.promises.minutes', values: { max: week } }
  if (!out.ackMinutes && !out.promiseMinutes && (form.ackMinutes as number) > (form.promiseMinutes as number)) {
    out.ackMinutes = { key: 'settings.promises.ackAfterDone' }
  }
  if (form.steps.length > maxSteps) out.steps = { key: 'settings.promises.tooMany', values: { max: maxSteps } }
  form.steps.forEach((step, i) => {
    const path = `steps.${i}.afterMinutes`
    if (!minutesOk(step.afterMinutes, 0)) out[path] = { key: 'settings.promises.stepMinutes', values: { max: week } }
    else if (i > 0) {
      const before = form.steps[i - 1]!.afterMinutes
      if (before !== '' && (step.afterMinutes as number) < before) out[path] = { key: 'settings.promises.stepOrder', values: { step: i + 1, min: before } }
    }
    // The same person told at the same minute twice is one step written twice (core: 'steps.N.notify').
    if (form.steps.slice(0, i).some((s) => s.afterMinutes === step.afterMinutes && s.notify === step.notify)) {
      out[`steps.${i}.notify`] = { key: 'settings.promises.stepTwice', values: { step: i + 1 } }
    }
  })
  return out
}

/** A new step comes after the last one: 15 minutes later, telling the next person up. */
export function addStep(form: PromiseForm): PromiseForm {
  const last = form.steps[form.steps.length - 1]
  const after = last ? (last.afterMinutes === '' ? 0 : last.afterMinutes) + 15 : 0
  const notify: Notify = last ? (notifyChoices[Math.min(notifyChoices.indexOf(last.notify) + 1, notifyChoices.length - 1)] ?? 'duty_manager') : 'lead'
  return { ...form, steps: [...form.steps, { afterMinutes: after, notify }] }
}

export function removeStep(form: PromiseForm, index: number): PromiseForm {
  return { ...form, steps: form.steps.filter((_, i) => i !== index) }
}

/** The store's refusal paths mapped onto the form's, translated by our own checks where they see it. */
export function promiseProblemsFromIssues(issues: readonly { path: string }[], form: PromiseForm): PromiseProblems {
  const ours = checkPromiseForm(form)
  const out: PromiseProblems = {}
  for (const issue of issues) {
    const path = issue.path
    const twice = path.match(/^steps\.(\d+)\.notify$/)
    out[path] = ours[path] ?? (twice ? { key: 'settings.promises.stepTwice', values: { step: Number(twice[1]) + 1 } } : { key: path === 'ackMinutes' ? 'settings.promises.ackAfterDone' : 'settings.promises.refused' })
  }
  return out
}
