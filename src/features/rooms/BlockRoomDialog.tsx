import { Alert, Button, Group, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { useBusinessDay } from '../../app/hotel-time'
import { Dialog } from '../../components/Dialog'

type Kind = 'out_of_order' | 'out_of_service'

/** Blocks a room with a kind, a reason and dates; says afterwards whether a guest is still in it. */
export function BlockRoomDialog({ room, onClose, onBlocked }: { room: string | null; onClose: () => void; onBlocked: (message: string) => void }) {
  const { t } = useTranslation()
  const [kind, setKind] = useState<Kind>('out_of_order')
  const [reason, setReason] = useState('')
  // The block starts on the hotel's business date by default, not the device's date.
  const today = useBusinessDay(0)
  const [from, setFrom] = useState(today ?? '')
  const [until, setUntil] = useState('')
  useEffect(() => {
    setKind('out_of_order')
    setReason('')
    setFrom(today ?? '')
    setUntil('')
  }, [room, today])
  const block = useMutation({
    mutationFn: () => call('room.block', { roomNumber: room ?? '', kind, reason, from, until: until || null }),
    onSuccess: (result) => onBlocked(t(result.occupied ? 'roomBlock.blockedOccupied' : 'roomBlock.blocked', { room: result.roomNumber })),
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (reason.trim()) block.mutate()
  }
  return (
    <Dialog opened={room !== null} onClose={onClose} title={t('roomBlock.blockTitle', { room })}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm">{t('roomBlock.blockHint')}</Text>
          <Radio.Group label={t('fields.kind')} value={kind} onChange={(v) => setKind(v as Kind)}>
            <Group gap="md" mt={4}>
              <Radio value="out_of_order" label={t('roomBlock.out_of_order')} />
              <Radio value="out_of_service" label={t('roomBlock.out_of_service')} />
            </Group>
          </Radio.Group>
          <Textarea label={t('roomBlock.reason')} required maxLength={200} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
          <Group grow>
            <TextInput type="date" label={t('fields.from')} required value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
            <TextInput type="date" label={t('fields.until')} description={t('roomBlock.untilHint')} min={from} value={until} onChange={(e) => setUntil(e.currentTarget.value)} />
          </Group>
          {block.isError ? <Alert color="red" role="alert">{errorMessage(t, block.error)}</Alert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('roomBlock.cancel')}</Button>
            <Button type="submit" color="red" loading={block.isPending} disabled={!reason.trim()}>{t('roomBlock.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  )
}
