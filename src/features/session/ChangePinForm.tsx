import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Actor } from '../../../electron/core/context'
import { ApiError, call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { minimumPinFor, pinChangeProblems, type PinChangeForm } from './pin-form'
import { waitFor } from './sign-in-identity'

/**
 * Current PIN, new PIN twice. Used by "Change my PIN" (a dialog, everyone) and by the screen a
 * temporary PIN leads to. `onChanged` runs once core accepted the new PIN.
 */
export function ChangePinForm({ staff, onChanged, onCancel, submitLabel }: { staff: Actor; onChanged: () => void; onCancel?: () => void; submitLabel?: string }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [form, setForm] = useState<PinChangeForm>({ currentPin: '', newPin: '', repeatPin: '' })
  const [checked, setChecked] = useState(false)
  const problems = pinChangeProblems(form, staff.role)
  const minimum = minimumPinFor(staff.role)
  const change = useMutation({
    mutationFn: () => call('session.changePin', { currentPin: form.currentPin, newPin: form.newPin }),
    onSuccess: async (answer) => {
      queryClient.setQueryData(['session'], { staff: answer.staff })
      onChanged()
    },
  })
  const problem = (key: keyof PinChangeForm) => (checked && problems[key] ? t(`pinChange.problems.${problems[key]}`, { count: minimum }) : undefined)
  const field = (key: keyof PinChangeForm) => ({
    value: form[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: e.currentTarget.value }),
    error: problem(key),
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    setChecked(true)
    if (Object.keys(problems).length === 0) change.mutate()
  }
  const failure = (error: unknown) => {
    const seconds = error instanceof ApiError ? error.details?.retryAfterSeconds : undefined
    if (error instanceof ApiError && error.code === 'RATE_LIMITED' && typeof seconds === 'number') {
      const wait = waitFor(seconds)
      return t(wait.unit === 'seconds' ? 'signIn.waitSeconds' : 'signIn.waitMinutes', { count: wait.count })
    }
    return errorMessage(t, error)
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('pinChange.title')}>
      <Stack gap="sm">
        <PasswordInput label={t('pinChange.current')} required inputMode="numeric" autoComplete="current-password" maxLength={8} data-autofocus {...field('currentPin')} />
        <PasswordInput
          label={t('pinChange.new')}
          description={t('pinChange.rule', { count: minimum })}
          required
          inputMode="numeric"
          autoComplete="new-password"
          maxLength={8}
          {...field('newPin')}
        />
        <PasswordInput label={t('pinChange.repeat')} required inputMode="numeric" autoComplete="new-password" maxLength={8} {...field('repeatPin')} />
        {change.isError ? <Alert color="red" role="alert">{failure(change.error)}</Alert> : null}
        <Group justify="flex-end">
          {onCancel ? <Button variant="default" onClick={onCancel}>{t('pinChange.cancel')}</Button> : null}
          <Button type="submit" loading={change.isPending}>{submitLabel ?? t('pinChange.submit')}</Button>
        </Group>
      </Stack>
    </form>
  )
}
