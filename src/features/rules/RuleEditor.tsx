import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { checkRuleForm, emptyRuleForm, formFromRule, problemsFromIssues, ruleInputOf, type FieldProblems, type RuleForm } from './rule-form'
import { usePreviewRule, useSaveRule } from './rule-api'
import type { RulePreview, RuleView } from './rule-types'
import { RuleActionFields } from './RuleActionFields'
import { RuleGuestFields } from './RuleGuestFields'
import { RulePreviewResults } from './RulePreviewResults'
import { RuleWhenFields } from './RuleWhenFields'
import { contrast } from '../board/contrast'

interface Props {
  rule: RuleView | null
  onDone: (saved: boolean) => void
}

function issuesOf(error: unknown): { path: string; message: string }[] {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION') return []
  return ((error.details ?? {}) as { issues?: { path: string; message: string }[] }).issues ?? []
}

/** Create or edit one rule; Preview asks the store who it would fire for today, before anything is saved. */
export function RuleEditor({ rule, onDone }: Props) {
  const { t } = useTranslation()
  const [form, setForm] = useState<RuleForm>(() => (rule ? formFromRule(rule) : emptyRuleForm()))
  const [tried, setTried] = useState(false)
  const [refused, setRefused] = useState<{ fields: FieldProblems; other: string[] } | null>(null)
  const [previewed, setPreviewed] = useState<{ preview: RulePreview; of: RuleForm } | null>(null)
  const save = useSaveRule()
  const preview = usePreviewRule()

  // Our own checks show once a save or preview was tried; the store's stay until the form changes.
  const problems = useMemo(() => ({ ...(tried ? checkRuleForm(form) : {}), ...(refused?.fields ?? {}) }), [form, tried, refused])
  const errors = Object.fromEntries(Object.entries(problems).map(([field, p]) => [field, t(p.key, { ...p.values, defaultValue: t('rules.refused.default') })]))
  const change = (next: (f: RuleForm) => RuleForm) => {
    setForm(next)
    setRefused(null)
    save.reset()
  }

  const failure = (error: unknown) => {
    const issues = issuesOf(error)
    if (issues.length > 0) setRefused(problemsFromIssues(issues, form))
  }
  const ready = () => {
    setTried(true)
    return Object.keys(checkRuleForm(form)).length === 0
  }
  const runPreview = () => {
    if (!ready()) return
    const of = form
    preview.mutate(ruleInputOf(of, rule?.key), { onSuccess: (p) => setPreviewed({ preview: p, of }), onError: failure })
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!ready()) return
    save.mutate({ id: rule?.id ?? null, input: ruleInputOf(form, rule?.key) }, { onSuccess: () => onDone(true), onError: failure })
  }
  const anyError = Object.keys(errors).length > 0
  const otherError = save.error ?? preview.error
  const otherMessage = otherError && issuesOf(otherError).length === 0 ? errorMessage(t, otherError) : null
  const titleId = 'rule-editor-title'

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id={titleId}>{t(rule ? 'rules.editor.editTitle' : 'rules.editor.newTitle')}</Title>
          <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Title order={3} size="h5" component="legend" mb="xs">{t('rules.editor.when')}</Title>
            <RuleWhenFields form={form} change={change} errors={errors} />
          </fieldset>
          <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Title order={3} size="h5" component="legend" mb="xs">{t('rules.editor.who')}</Title>
            <RuleGuestFields form={form} change={change} errors={errors} />
          </fieldset>
          <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Title order={3} size="h5" component="legend" mb="xs">{t('rules.editor.what')}</Title>
            <RuleActionFields form={form} change={change} errors={errors} />
          </fieldset>
          {anyError ? <Text size="sm" c={contrast.danger} role="alert">{t('rules.editor.fixBelow')}</Text> : null}
          {refused?.other.length ? <Alert color="red">{refused.other.join(' ')}</Alert> : null}
          {otherMessage ? <Alert color="red" role="alert">{otherMessage}</Alert> : null}
          {previewed ? <RulePreviewResults preview={previewed.preview} stale={previewed.of !== form} template={{ en: previewed.of.templateEn, zh: previewed.of.templateZh }} /> : null}
          <Group gap="sm" wrap="wrap">
            <Button type="button" variant="default" onClick={runPreview} loading={preview.isPending}>{t('rules.preview.button')}</Button>
            <Button type="submit" loading={save.isPending}>{t('rules.editor.save')}</Button>
            <Button type="button" variant="subtle" onClick={() => onDone(false)}>{t('rules.editor.cancel')}</Button>
          </Group>
          <Text size="xs" c="dimmed">{t('rules.preview.hint')}</Text>
        </Stack>
      </form>
    </Paper>
  )
}
