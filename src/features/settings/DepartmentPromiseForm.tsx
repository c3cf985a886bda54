import { ActionIcon, Alert, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { OutputOf } from '../../../electron/core/api'
import { ApiError, call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { pick } from '../../i18n'
import { addStep, checkPromiseForm, maxSteps, notifyChoices, promiseProblemsFromIssues, removeStep, type Notify, type PromiseForm, type PromiseProblems } from './promise-form'
import { contrast } from '../board/contrast'

type DepartmentPromises = OutputOf<'escalation.steps'>[number]

const whole = (v: number | string): number | '' => (v === '' ? '' : Number.isFinite(Number(v)) ? Number(v) : '')
const formOf = (d: DepartmentPromises): PromiseForm => ({ ackMinutes: d.ackMinutes, promiseMinutes: d.promiseMinutes, steps: d.steps.map((s) => ({ ...s })) })

/** One department's promises and escalation steps, saved on their own. */
export function DepartmentPromiseForm({ department }: { department: DepartmentPromises }) {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const [form, setForm] = useState<PromiseForm>(() => formOf(department))
  const [problems, setProblems] = useState<PromiseProblems>({})
  const [done, setDone] = useState('')
  const name = pick(department.name, i18n.language)
  const titleId = `promise-${department.department}`
  const save = useMutation({
    mutationFn: (f: PromiseForm) =>
      call('escalation.setSteps', {
        department: department.department,
        ackMinutes: f.ackMinutes as number,
        promiseMinutes: f.promiseMinutes as number,
        steps: f.steps.map((s) => ({ afterMinutes: s.afterMinutes as number, notify: s.notify })),
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData<DepartmentPromises[]>(['escalation-steps'], (all) => all?.map((d) => (d.department === saved.department ? saved : d)))
      void queryClient.invalidateQueries({ queryKey: ['departments'] })
      setDone(t('settings.promises.saved', { department: name }))
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'VALIDATION') {
        setProblems(promiseProblemsFromIssues(((error.details ?? {}) as { issues?: { path: string }[] }).issues ?? [], form))
      }
    },
  })
  const change = (next: PromiseForm) => {
    setForm(next)
    setDone('')
    save.reset()
    if (Object.keys(problems).length > 0) setProblems(checkPromiseForm(next))
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const found = checkPromiseForm(form)
    setProblems(found)
    if (Object.keys(found).length === 0) save.mutate(form)
  }
  const error = (path: string) => (problems[path] ? t(problems[path].key, problems[path].values) : undefined)
  const notifyData = notifyChoices.map((n) => ({ value: n, label: t(`settings.promises.notify.${n}`) }))

  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit} noValidate aria-labelledby={titleId} data-testid={`promises-${department.department}`}>
      <Stack gap="xs">
        <Title order={3} size="h5" id={titleId}>{name}</Title>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <NumberInput label={t('settings.promises.ack')} value={form.ackMinutes} onChange={(v) => change({ ...form, ackMinutes: whole(v) })} min={1} allowDecimal={false} error={error('ackMinutes')} />
          <NumberInput label={t('settings.promises.done')} value={form.promiseMinutes} onChange={(v) => change({ ...form, promiseMinutes: whole(v) })} min={1} allowDecimal={false} error={error('promiseMinutes')} />
        </SimpleGrid>
        <Text size="sm" fw={500}>{t('settings.promises.steps')}</Text>
        {form.steps.length === 0 ? <Text size="sm" c="dimmed">{t('settings.promises.noSteps')}</Text> : null}
        {form.steps.map((step, i) => (
          <Group key={i} gap="xs" align="flex-start" wrap="wrap" role="group" aria-label={t('settings.promises.stepLabel', { step: i + 1 })}>
            <NumberInput
              label={t('settings.promises.after', { step: i + 1 })}
              value={step.afterMinutes}
              onChange={(v) => change({ ...form, steps: form.steps.map((s, j) => (j === i ? { ...s, afterMinutes: whole(v) } : s)) })}
              min={0}
              allowDecimal={false}
              error={error(`steps.${i}.afterMinutes`)}
              w={170}
            />
            <Select
              label={t('settings.promises.notifyLabel', { step: i + 1 })}
              data={notifyData}
              value={step.notify}
              onChange={(n) => n && change({ ...form, steps: form.steps.map((s, j) => (j === i ? { ...s, notify: n as Notify } : s)) })}
              allowDeselect={false}
              error={error(`steps.${i}.notify`)}
              w={260}
              maw="100%"
            />
            <ActionIcon variant="subtle" color="red" size="lg" mt={24} onClick={() => change(removeStep(form, i))} aria-label={t('settings.promises.remove', { step: i + 1 })}>
              <span aria-hidden>×</span>
            </ActionIcon>
          </Group>
        ))}
        {error('steps') ? <Text size="sm" c={contrast.danger}>{error('steps')}</Text> : null}
        <Group gap="sm" wrap="wrap">
          <Button variant="light" size="xs" onClick={() => change(addStep(form))} disabled={form.steps.length >= maxSteps}>{t('settings.promises.add')}</Button>
          <Button type="submit" variant="default" size="xs" loading={save.isPending}>{t('settings.promises.save', { department: name })}</Button>
        </Group>
        {save.isError && !(save.error instanceof ApiError && save.error.code === 'VALIDATION') ? <Alert color="red" role="alert">{errorMessage(t, save.error)}</Alert> : null}
        <Text size="sm" role="status">{done}</Text>
      </Stack>
    </Paper>
  )
}
