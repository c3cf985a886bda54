import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ObservationView } from '../../../electron/core/observations/observation.view'

interface RejectDialogProps {
  observation: ObservationView | null
  pending: boolean
  onClose: () => void
  onReject: (reason: string) => void
}

/** Reject with a reason: the author reads it, so it must say why. */
export function RejectDialog({ observation, pending, onClose, onReject }: RejectDialogProps) {
  const { t } = useTranslation()
  const [reason, setReason] = useState('')
  const tooShort = reason.trim().length < 3
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!tooShort) onReject(reason.trim())
  }
  return (
    <Modal opened={observation !== null} onClose={onClose} title={t('inbox.rejectTitle')} onExitTransitionEnd={() => setReason('')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm">“{observation?.text}”</Text>
          <Textarea
            label={t('inbox.rejectReason')}
            description={t('inbox.rejectHint')}
            required
            data-autofocus
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(e)
            }}
            minRows={2}
            autosize
            maxLength={500}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('app.cancel')}</Button>
            <Button type="submit" color="red.9" disabled={tooShort} loading={pending}>{t('inbox.rejectConfirm')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
