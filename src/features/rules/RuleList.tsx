import { conditionWords, timingWords } from './rule-summary'
import { ActionIcon, Badge, Button, Group, Paper, Stack, Switch, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useDepartmentName, useVocabulary } from '../../api/reference-data'
import { pick } from '../../i18n'
import { contrast } from '../board/contrast'
import type { RuleView } from './rule-types'
import { ruleSwitchState } from './rule-status'

interface Props {
  rules: RuleView[]
  busy: boolean
  onEdit: (rule: RuleView) => void
  onMove: (rule: RuleView, delta: -1 | 1) => void
  onActive: (rule: RuleView, active: boolean) => void
}

// A rule moved to either end keeps the focus on its button: marked unavailable, never disabled (a
// disabled button drops the keyboard's focus to the page).
// Text shades with AA contrast on each badge (as on the board's prompt cards).
const priorityLook = {
  urgent: { color: 'red.9', variant: 'filled' },
  high: { color: 'orange', variant: 'light', c: contrast.warning },
  normal: { color: 'gray', variant: 'light', c: contrast.quiet },
  low: { color: 'gray', variant: 'light', c: contrast.quiet },
} as const
const stuck = (atEnd: boolean) => (atEnd ? { 'aria-disabled': true, 'data-disabled': true } : {})

/** The rules in the order they run, each with its switch, up and down buttons (keyboard, not only dragging) and Edit. */
export function RuleList({ rules, busy, onEdit, onMove, onActive }: Props) {
  const { t, i18n } = useTranslation()
  const departmentName = useDepartmentName()
  const { label } = useVocabulary()
  // What the rule is about and who it is for; "Any guest" only when it holds neither.
  const preference = (r: RuleView) => {
    const about = r.category ? [label(r.category), r.code ? label(r.category, r.code) : null, r.code && r.value ? label(r.category, r.code, r.value) : null].filter(Boolean).join(' › ') : null
    const who = conditionWords(r.conditions, t)
    return [about, ...who].filter(Boolean).join(' · ') || t('rules.anyPreference')
  }
  return (
    <Stack component="ol" gap="xs" aria-label={t('rules.listLabel')} p={0} m={0} style={{ listStyle: 'none' }} data-testid="rule-list">
      {rules.map((r, index) => {
        const text = pick(r.template, i18n.language)
        const state = ruleSwitchState(r, rules)
        const stateWords =
          state.state === 'replaced' ? t('rules.replacedBy', { text: pick(state.by.template, i18n.language) }) : t(state.state === 'on' ? 'rules.active' : 'rules.off')
        return (
          <Paper component="li" withBorder p="sm" key={r.id} data-testid="rule-row" data-active={r.active} style={r.active ? undefined : { borderStyle: 'dashed' }}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
              <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>{`${index + 1}. ${text}`}</Text>
                <Text size="sm" c="dimmed">
                  {t('rules.summary', { trigger: t(`rules.trigger.${r.trigger}`), department: departmentName(r.department) })}
                  {timingWords(r, t) ? <span data-testid="rule-timing">{` · ${timingWords(r, t)}`}</span> : null}
                  {' · '}
                  {preference(r)}
                </Text>
                <Group gap={6} wrap="wrap">
                  <Badge {...priorityLook[r.priority]}>{t(`rules.priority.${r.priority}`)}</Badge>
                  {r.kind === 'standing' ? <Badge variant="filled" color="indigo.8">{t('rules.standing')}</Badge> : null}
                  {r.builtin ? <Badge variant="outline" color="gray" c={contrast.quiet}>{t('rules.builtin')}</Badge> : null}
                  {state.state === 'off' ? <Badge variant="filled" color="gray.8">{t('rules.off')}</Badge> : null}
                  {state.state === 'replaced' ? (
                    <Badge variant="filled" color="gray.8" maw="100%" style={{ textTransform: 'none' }} title={stateWords} data-testid="rule-replaced" id={`rule-replaced-${r.id}`}>{stateWords}</Badge>
                  ) : null}
                  <Text size="xs" c="dimmed">
                    {r.ackMinutes === null ? t('rules.ackDepartment') : t('rules.ack', { minutes: r.ackMinutes })}
                    {r.kind === 'task' ? ` · ${t('rules.due', { minutes: r.dueMinutes })}` : ''}
                  </Text>
                </Group>
              </Stack>
              <Stack gap={6} align="flex-end">
                <Switch
                  checked={r.active}
                  onChange={(e) => onActive(r, e.currentTarget.checked)}
                  label={state.state === 'on' ? t('rules.active') : t('rules.off')}
                  aria-label={t('rules.activeLabel', { text })}
                  aria-describedby={state.state === 'replaced' ? `rule-replaced-${r.id}` : undefined}
                  disabled={busy}
                />
                <Group gap={4} wrap="nowrap">
                  <ActionIcon variant="default" size="lg" onClick={() => index > 0 && !busy && onMove(r, -1)} {...stuck(index === 0)} aria-label={t('rules.moveUp', { text })}>
                    <span aria-hidden>↑</span>
                  </ActionIcon>
                  <ActionIcon variant="default" size="lg" onClick={() => index < rules.length - 1 && !busy && onMove(r, 1)} {...stuck(index === rules.length - 1)} aria-label={t('rules.moveDown', { text })}>
                    <span aria-hidden>↓</span>
                  </ActionIcon>
                  <Button variant="light" size="xs" onClick={() => onEdit(r)} aria-label={t('rules.editLabel', { text })}>{t('rules.edit')}</Button>
                </Group>
              </Stack>
            </Group>
          </Paper>
        )
      })}
    </Stack>
  )
}
