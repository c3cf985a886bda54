import { Alert, Anchor, Button, Group, Loader, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { OutputOf } from '../../../electron/core/api'
import { ApiError, call } from '../../api/client'
import { departmentLabel } from '../../api/department-labels'
import { useDepartments } from '../../api/reference-data'
import { errorMessage } from '../../app/errors'
import { pick } from '../../i18n'
import { departmentProblems, problemsFromIssues, suggestCode, type DepartmentForm, type Problems } from './hotel-setup-form'

type Department = OutputOf<'department.list'>[number]

const whole = (v: number | string): number | '' => (v === '' ? '' : Number.isFinite(Number(v)) ? Number(v) : '')
const issuesOf = (error: unknown) => (error instanceof ApiError && error.code === 'VALIDATION' ? (((error.details ?? {}) as { issues?: { path: string; message: string }[] }).issues ?? []) : null)

/** Everything that shows departments reads them again: the list, promises, rules' pickers, the checklist. */
function useRefreshDepartments() {
  const queryClient = useQueryClient()
  return async () => {
    await queryClient.invalidateQueries({ queryKey: ['departments'] })
    await queryClient.invalidateQueries({ queryKey: ['escalation-steps'] })
  }
}

/** The hotel's departments and outlets: add, rename, set the minutes each promises to act in, retire. */
export function DepartmentsSection() {
  const { t, i18n } = useTranslation()
  const departments = useDepartments()
  const wording = { name: (n: { en: string; zh: string }) => pick(n, i18n.language), join: (d: string, o: string) => t('outlets.label', { department: d, outlet: o }) }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="departments-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="departments-title">{t('hotelSetup.departments.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('hotelSetup.departments.intro')}{' '}
          {/* The promise to acknowledge and the escalation steps live in Settings → Promises: one form, one place. */}
          <Anchor href="#/settings" size="sm" underline="always">{t('hotelSetup.departments.stepsLink')}</Anchor>
        </Text>
        {departments.isLoading ? <Loader aria-label={t('app.loading')} /> : null}
        {departments.isError ? <Alert color="red" role="alert">{errorMessage(t, departments.error)}</Alert> : null}
        <Stack gap="sm" data-testid="department-rows">
          {(departments.data ?? []).map((d) => (
            <DepartmentRow
              key={d.code}
              department={d}
              label={departmentLabel(departments.data ?? [], d.code, wording)}
            />
          ))}
        </Stack>
        <AddDepartment departments={departments.data ?? []} />
      </Stack>
    </Paper>
  )
}

function DepartmentRow({ department, label }: { department: Department; label: string }) {
  const { t } = useTranslation()
  const refresh = useRefreshDepartments()
  const [form, setForm] = useState<DepartmentForm>({ code: department.code, en: department.name.en, zh: department.name.zh, promiseMinutes: department.promiseMinutes, parentCode: department.parentCode })
  const [problems, setProblems] = useState<Problems>({})
  const [done, setDone] = useState('')
  const [confirmRetire, setConfirmRetire] = useState(false)
  const check = (f: DepartmentForm) => departmentProblems(f, { checkCode: false })
  const save = useMutation({
    mutationFn: (f: DepartmentForm) => call('department.update', { code: department.code, name: { en: f.en.trim(), zh: f.zh.trim() }, promiseMinutes: f.promiseMinutes as number }),
    onSuccess: async () => {
      setDone(t('hotelSetup.departments.saved', { name: label }))
      await refresh()
    },
    onError: (error) => {
      const issues = issuesOf(error)
      if (issues) setProblems(problemsFromIssues(issues, check(form)))
    },
  })
  const retire = useMutation({ mutationFn: () => call('department.retire', { code: department.code }), onSuccess: refresh })
  const change = (next: DepartmentForm) => {
    setForm(next)
    setDone('')
    save.reset()
    if (Object.keys(problems).length > 0) setProblems(check(next))
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const found = check(form)
    setProblems(found)
    if (Object.keys(found).length === 0) save.mutate(form)
  }
  const error = (path: string) => (problems[path] ? t(`hotelSetup.problems.${problems[path].key}`, problems[path].values) : undefined)
  const titleId = `department-${department.code}`
  const unchanged = form.en === department.name.en && form.zh === department.name.zh && form.promiseMinutes === department.promiseMinutes
  return (
    // A section, not a form: the promise form below is a form of its own, and forms do not nest.
    <Paper withBorder p="sm" component="section" aria-labelledby={titleId} data-testid={`department-${department.code}`}>
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Title order={3} size="h5" id={titleId}>{label}</Title>
          <Text size="sm" c="dimmed">{t('hotelSetup.departments.codeShown', { code: department.code })}</Text>
          {department.parentCode ? <Text size="sm" c="dimmed">· {t('hotelSetup.departments.outlet')}</Text> : null}
        </Group>
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput label={t('hotelSetup.departments.nameEn')} value={form.en} onChange={(e) => change({ ...form, en: e.currentTarget.value })} error={error('name.en')} maxLength={80} />
              <TextInput label={t('hotelSetup.departments.nameZh')} value={form.zh} onChange={(e) => change({ ...form, zh: e.currentTarget.value })} error={error('name.zh')} maxLength={80} lang="zh-CN" />
              <NumberInput
                label={t('hotelSetup.departments.minutes')}
                description={t('hotelSetup.departments.minutesHint', { ack: department.ackMinutes })}
                value={form.promiseMinutes}
                onChange={(v) => change({ ...form, promiseMinutes: whole(v) })}
                min={1}
                allowDecimal={false}
                error={error('promiseMinutes')}
              />
            </SimpleGrid>
            <Group gap="sm" wrap="wrap">
              <Button type="submit" variant="default" size="xs" loading={save.isPending} disabled={unchanged}>{t('hotelSetup.departments.save', { name: label })}</Button>
              {confirmRetire ? (
                <>
                  <Button color="red" size="xs" onClick={() => retire.mutate()} loading={retire.isPending}>{t('hotelSetup.departments.retireConfirm', { name: label })}</Button>
                  <Button variant="default" size="xs" onClick={() => { setConfirmRetire(false); retire.reset() }}>{t('hotelSetup.departments.keep')}</Button>
                </>
              ) : (
                <Button variant="subtle" color="red" size="xs" onClick={() => setConfirmRetire(true)}>{t('hotelSetup.departments.retire', { name: label })}</Button>
              )}
            </Group>
            {save.isError && !issuesOf(save.error) ? <Alert color="red" role="alert">{errorMessage(t, save.error)}</Alert> : null}
            {retire.isError ? <Alert color="red" role="alert" data-testid="retire-refused">{errorMessage(t, retire.error)}</Alert> : null}
            <Text size="sm" role="status">{done}</Text>
          </Stack>
        </form>
      </Stack>
    </Paper>
  )
}

const emptyForm: DepartmentForm = { code: '', en: '', zh: '', promiseMinutes: 30, parentCode: null }

function AddDepartment({ departments }: { departments: readonly Department[] }) {
  const { t, i18n } = useTranslation()
  const refresh = useRefreshDepartments()
  const [form, setForm] = useState<DepartmentForm>(emptyForm)
  const [codeTouched, setCodeTouched] = useState(false)
  const [problems, setProblems] = useState<Problems>({})
  const [done, setDone] = useState('')
  const codes = departments.map((d) => d.code)
  const check = (f: DepartmentForm) => departmentProblems(f, { existingCodes: codes })
  const add = useMutation({
    mutationFn: (f: DepartmentForm) =>
      call('department.create', { code: f.code.trim(), name: { en: f.en.trim(), zh: f.zh.trim() }, promiseMinutes: f.promiseMinutes as number, parentCode: f.parentCode }),
    onSuccess: async (_, f) => {
      setDone(t('hotelSetup.departments.added', { name: pick({ en: f.en.trim(), zh: f.zh.trim() }, i18n.language) }))
      setForm(emptyForm)
      setCodeTouched(false)
      await refresh()
    },
    onError: (error) => {
      const issues = issuesOf(error)
      if (issues) setProblems(problemsFromIssues(issues, check(form)))
    },
  })
  const change = (next: DepartmentForm) => {
    setForm(next)
    setDone('')
    add.reset()
    if (Object.keys(problems).length > 0) setProblems(check(next))
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const found = check(form)
    setProblems(found)
    if (Object.keys(found).length === 0) add.mutate(form)
  }
  const error = (path: string) => (problems[path] ? t(`hotelSetup.problems.${problems[path].key}`, problems[path].values) : undefined)
  const parents = [
    { value: '', label: t('hotelSetup.departments.noParent') },
    ...departments.filter((d) => !d.parentCode).map((d) => ({ value: d.code, label: pick(d.name, i18n.language) })),
  ]
  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit} noValidate aria-labelledby="add-department-title" data-testid="add-department">
      <Stack gap="xs">
        <Title order={3} size="h5" id="add-department-title">{t('hotelSetup.departments.addTitle')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('hotelSetup.departments.nameEn')}
            value={form.en}
            onChange={(e) => {
              const en = e.currentTarget.value
              change({ ...form, en, code: codeTouched ? form.code : suggestCode(en) })
            }}
            error={error('name.en')}
            maxLength={80}
          />
          <TextInput label={t('hotelSetup.departments.nameZh')} value={form.zh} onChange={(e) => change({ ...form, zh: e.currentTarget.value })} error={error('name.zh')} maxLength={80} lang="zh-CN" />
          <TextInput
            label={t('hotelSetup.departments.code')}
            description={t('hotelSetup.departments.codeHint')}
            value={form.code}
            onChange={(e) => {
              setCodeTouched(true)
              change({ ...form, code: e.currentTarget.value })
            }}
            error={error('code')}
            maxLength={40}
            autoCapitalize="none"
            spellCheck={false}
          />
          <NumberInput label={t('hotelSetup.departments.minutes')} value={form.promiseMinutes} onChange={(v) => change({ ...form, promiseMinutes: whole(v) })} min={1} allowDecimal={false} error={error('promiseMinutes')} />
          <Select
            label={t('hotelSetup.departments.parent')}
            description={t('hotelSetup.departments.parentHint')}
            data={parents}
            value={form.parentCode ?? ''}
            onChange={(v) => change({ ...form, parentCode: v ? v : null })}
            allowDeselect={false}
            error={error('parentCode')}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={add.isPending}>{t('hotelSetup.departments.add')}</Button>
        </Group>
        {add.isError && !issuesOf(add.error) ? <Alert color="red" role="alert">{errorMessage(t, add.error)}</Alert> : null}
        <Text size="sm" role="status" data-testid="department-added">{done}</Text>
      </Stack>
    </Paper>
  )
}
