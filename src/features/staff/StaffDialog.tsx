import { Alert, Button, Group, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role } from '../../../electron/core/staff/roles'
import { ApiError, call } from '../../api/client'
import { departmentChoices } from '../../api/department-labels'
import { useDepartments, useDepartmentWording } from '../../api/reference-data'
import { errorMessage } from '../../app/errors'
import { Dialog } from '../../components/Dialog'
import { notify } from '../../components/notify'
import { staffFormProblems, staffRoles, type StaffEntry, type StaffForm } from './staff-filter'

/** Add a staff member (`editing` null) or edit one: name, romanized name, role, department; a code and first PIN when adding. */
export function StaffDialog({ opened, editing, onClose }: { opened: boolean; editing: StaffEntry | null; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Dialog opened={opened} onClose={onClose} title={editing ? t('staff.edit.title', { name: editing.name }) : t('staff.add.title')} size="lg">
      {opened ? <StaffFormFields editing={editing} onDone={onClose} /> : null}
    </Dialog>
  )
}

function StaffFormFields({ editing, onDone }: { editing: StaffEntry | null; onDone: () => void }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const departments = useDepartments()
  const wording = useDepartmentWording()
  const creating = editing === null
  const [form, setForm] = useState<StaffForm>({
    code: editing?.code ?? '',
    name: editing?.name ?? '',
    romanName: editing?.romanName ?? '',
    role: editing?.role ?? '',
    department: editing?.department ?? '',
    pin: '',
  })
  const [checked, setChecked] = useState(false)
  const problems = staffFormProblems(form, creating)
  const minimum = form.role === 'manager' || form.role === 'admin' ? 6 : 4
  const save = useMutation({
    mutationFn: async () => {
      const common = { name: form.name, romanName: form.romanName || null, role: form.role as Role, department: form.department }
      if (editing) return call('staff.update', { staffId: editing.id, ...common })
      return call('staff.create', { code: form.code, pin: form.pin, ...common })
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['staff'] })
      await queryClient.invalidateQueries({ queryKey: ['staff-directory'] })
      notify({ color: 'green', message: creating ? t('staff.add.done', { name: form.name }) : t('staff.edit.done', { name: form.name }) })
      onDone()
    },
  })
  // Core's field errors land under their fields; the rest in one alert.
  const issues = save.error instanceof ApiError && save.error.code === 'VALIDATION' ? ((save.error.details?.issues as { path: string; message: string }[] | undefined) ?? []) : []
  const refused = (path: string) => (issues.some((i) => i.path === path) ? t(`staff.problems.refused.${path}`, { defaultValue: t('staff.problems.refused.other') }) : undefined)
  const problem = (key: keyof StaffForm) => (checked && problems[key] ? t(`staff.problems.${problems[key]}`, { count: minimum }) : refused(key))
  const field = (key: keyof StaffForm) => ({
    value: form[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: e.currentTarget.value }),
    error: problem(key),
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    setChecked(true)
    if (Object.keys(problems).length === 0) save.mutate()
  }
  const roleData = staffRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))
  const promoting = editing && form.role && (form.role === 'manager' || form.role === 'admin') && editing.role !== 'manager' && editing.role !== 'admin'
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {creating ? (
          <TextInput label={t('staff.fields.code')} description={t('staff.fields.codeHint')} required autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={20} data-autofocus {...field('code')} />
        ) : null}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm">
          <TextInput label={t('staff.fields.name')} required maxLength={60} data-autofocus={!creating || undefined} {...field('name')} />
          <TextInput label={t('staff.fields.romanName')} maxLength={60} {...field('romanName')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm">
          <Select
            label={t('staff.fields.role')}
            required
            data={roleData}
            value={form.role || null}
            onChange={(value) => setForm({ ...form, role: (value ?? '') as Role | '' })}
            error={problem('role')}
            allowDeselect={false}
            comboboxProps={{ withinPortal: false }}
          />
          <Select
            label={t('staff.fields.department')}
            required
            searchable
            data={departmentChoices(departments.data ?? [], wording)}
            value={form.department || null}
            onChange={(value) => setForm({ ...form, department: value ?? '' })}
            error={problem('department')}
            allowDeselect={false}
            nothingFoundMessage={t('staff.fields.noDepartment')}
            comboboxProps={{ withinPortal: false }}
          />
        </SimpleGrid>
        {form.role ? <Alert color="gray" p="xs" styles={{ message: { color: 'var(--mantine-color-text)' } }}>{t(`staff.roleExplained.${form.role}`)}</Alert> : null}
        {creating ? (
          <PasswordInput
            label={t('staff.fields.pin')}
            description={t('staff.fields.pinHint', { count: minimum })}
            required
            inputMode="numeric"
            autoComplete="new-password"
            maxLength={8}
            {...field('pin')}
          />
        ) : null}
        {promoting ? <PromotionNote>{t('staff.edit.promotionPin')}</PromotionNote> : null}
        {save.isError ? <Alert color="red" role="alert">{errorMessage(t, save.error)}</Alert> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('staff.cancel')}</Button>
          <Button type="submit" loading={save.isPending}>{creating ? t('staff.add.submit') : t('staff.edit.submit')}</Button>
        </Group>
      </Stack>
    </form>
  )
}

/** Promoted to manager or administrator: the PIN they have may be too short, so they choose a new one. */
function PromotionNote({ children }: { children: React.ReactNode }) {
  return (
    <Alert color="yellow" p="xs" role="note" styles={{ message: { color: 'var(--mantine-color-text)' } }}>
      {children}
    </Alert>
  )
}
