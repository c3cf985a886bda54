/*
 * Escalation steps, pure. A prompt not acknowledged by its promise (escalate_at) escalates; each
 * step of its department then names whom to tell, `afterMinutes` after that promise was broken.
 */

export const escalationNotifies = ['lead', 'duty_manager', 'guest_relations'] as const
/** lead: the department's lead (its department_lead staff; managers hear it too); duty_manager; guest_relations. */
export type EscalationNotify = (typeof escalationNotifies)[number]

export interface EscalationStep {
  afterMinutes: number
  notify: EscalationNotify
}

export const maxEscalationSteps = 5

/** What a department escalates by until a manager sets its own steps (as migration 0008 gave every department then). */
export const defaultEscalationSteps: readonly EscalationStep[] = [
  { afterMinutes: 0, notify: 'lead' },
  { afterMinutes: 15, notify: 'duty_manager' },
]

/** Slack for comparing instants computed in SQL (julianday) and in JavaScript. */
export const stepSlackMs = 100

/**
 * How many steps have been reached `now`, for a prompt whose acknowledge promise fell at
 * `escalateAt` (steps in order, afterMinutes ascending).
 */
export function stepsReached(escalateAt: Date, steps: readonly EscalationStep[], now: Date): number {
  const late = now.getTime() - escalateAt.getTime()
  if (late < 0) return 0
  let reached = 0
  for (const step of steps) {
    if (late >= step.afterMinutes * 60_000 - stepSlackMs) reached++
    else break
  }
  return reached
}

/**
 * When a prompt escalated to `level` takes its next step (the promise `escalateAt` plus the
 * next step's minutes, less the slack), or null when no step is left. Before the first
 * escalation the next step is the promise itself.
 */
export function nextEscalationAt(escalateAt: Date, steps: readonly EscalationStep[], level: number, escalated: boolean): Date | null {
  if (!escalated) return escalateAt
  const next = steps[level]
  return next ? new Date(escalateAt.getTime() + next.afterMinutes * 60_000 - stepSlackMs) : null
}

/** Whom the steps from `fromLevel` (exclusive) to `toLevel` (inclusive) name, each once, in order. */
export function notifiedBetween(steps: readonly EscalationStep[], fromLevel: number, toLevel: number): EscalationNotify[] {
  return [...new Set(steps.slice(fromLevel, toLevel).map((s) => s.notify))]
}

/** What is wrong with a list of steps, in words for the settings screen (path, message), or [] when it is fine. */
export function stepProblems(steps: readonly EscalationStep[]): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = []
  if (steps.length > maxEscalationSteps) problems.push({ path: 'steps', message: `At most ${maxEscalationSteps} steps; remove ${steps.length - maxEscalationSteps}.` })
  steps.forEach((step, i) => {
    if (i > 0 && step.afterMinutes < steps[i - 1].afterMinutes) {
      problems.push({ path: `steps.${i}.afterMinutes`, message: `Step ${i + 1} comes after step ${i}: give it at least ${steps[i - 1].afterMinutes} minutes.` })
    }
    // The same person told twice at the same minute is one step written twice.
    const twin = steps.findIndex((other, j) => j < i && other.afterMinutes === step.afterMinutes && other.notify === step.notify)
    if (twin >= 0) {
      problems.push({ path: `steps.${i}.notify`, message: `Step ${i + 1} repeats step ${twin + 1} (${step.notify} after ${step.afterMinutes} minutes): remove it or change it.` })
    }
  })
  return problems
}
