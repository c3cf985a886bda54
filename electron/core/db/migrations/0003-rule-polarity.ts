import type { Migration } from './migration'

// Frozen: shipped migrations never change. Add a new file instead.
// Which strengths a rule fires for. Rules written before this column keep firing for every
// strength ('any'), as they did; new rules default to wanted preferences only (rule.create).
export const rulePolarity: Migration = {
  name: '0003-rule-polarity',
  up({ schema, run }) {
    run(schema.alterTable('rule').addColumn('polarity', 'text', (c) => c.notNull().defaultTo('any')))
  },
}
