import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/errors'
import { pick } from '../../i18n'
import { moveRule } from './rule-form'
import { useReorderRules, useRules, useSetRuleActive } from './rule-api'
import type { RuleView } from './rule-types'
import { RuleEditor } from './RuleEditor'
import { RuleList } from './RuleList'

/** Managers' rules: what prompts the departments get, when, and in what order. */
export function RulesPage() {
  const { t, i18n } = useTranslation()
  const rules = useRules()
  const reorder = useReorderRules()
  const setActive = useSetRuleActive()
  const [editing, setEditing] = useState<RuleView | 'new' | null>(null)
  const [said, setSaid] = useState('')
  const list = rules.data ?? []

  const move = (rule: RuleView, delta: -1 | 1) => {
    const ids = moveRule(list.map((r) => r.id), rule.id, delta)
    if (!ids) return
    reorder.mutate(ids, { onSuccess: () => setSaid(t('rules.moved', { text: pick(rule.template, i18n.language), position: ids.indexOf(rule.id) + 1 })) })
  }
  const switchRule = (rule: RuleView, active: boolean) =>
    setActive.mutate({ id: rule.id, active }, { onSuccess: () => setSaid(t(active ? 'rules.switchedOn' : 'rules.switchedOff', { text: pick(rule.template, i18n.language) })) })
  const failed = reorder.error ?? setActive.error

  return (
    <Stack gap="md" maw={960}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div style={{ flex: '1 1 280px' }}>
          <Title order={1} size="h2">{t('rules.title')}</Title>
          <Text size="sm" c="dimmed">{t('rules.intro')}</Text>
        </div>
        {editing === null ? <Button onClick={() => setEditing('new')}>{t('rules.new')}</Button> : null}
      </Group>
      {editing !== null ? (
        <RuleEditor
          key={editing === 'new' ? 'new' : editing.id}
          rule={editing === 'new' ? null : editing}
          onDone={(saved) => {
            setEditing(null)
            if (saved) setSaid(t('rules.editor.saved'))
          }}
        />
      ) : null}
      <Text size="sm" role="status" data-testid="rules-said">{said}</Text>
      {failed ? <Alert color="red" role="alert">{errorMessage(t, failed)}</Alert> : null}
      {rules.isLoading ? <Loader aria-label={t('rules.loading')} /> : null}
      {rules.isError ? <Alert color="red" role="alert">{errorMessage(t, rules.error)}</Alert> : null}
      {rules.isSuccess && list.length === 0 ? <Text>{t('rules.empty')}</Text> : null}
      {list.length > 0 && editing === null ? (
        <RuleList rules={list} busy={reorder.isPending || setActive.isPending} onEdit={setEditing} onMove={move} onActive={switchRule} />
      ) : null}
    </Stack>
  )
}
