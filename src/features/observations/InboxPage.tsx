import { Alert, Group, Loader, SegmentedControl, Stack, Text, Title, VisuallyHidden } from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ObservationView } from '../../../electron/core/observations/observation.view'
import { call } from '../../api/client'
import { subscribe } from '../../api/live-events'
import { useDepartmentName } from '../../api/reference-data'
import { errorMessage } from '../../app/errors'
import { AcceptDialog } from './AcceptDialog'
import { DepartmentCounts } from './DepartmentCounts'
import { MergeDialog } from './MergeDialog'
import { ObservationCard, type CardAction } from './ObservationCard'
import { RejectDialog } from './RejectDialog'
import { toDraft } from './suggestion'
import { useReview } from './use-review'
import { notify } from '../../components/notify'

type Status = ObservationView['status']
const statuses: Status[] = ['new', 'accepted', 'merged', 'rejected']
const cardSelector = '[data-testid="observation"]'

/** Guest relations' inbox: what every department noticed, newest first, arriving live. */
export function InboxPage() {
  const { t } = useTranslation()
  const departmentName = useDepartmentName()
  const [status, setStatus] = useState<Status>('new')
  const [department, setDepartment] = useState<string | null>(null)
  const [fresh, setFresh] = useState<ReadonlySet<number>>(new Set())
  const [announcement, setAnnouncement] = useState('')
  const [dialog, setDialog] = useState<{ kind: Exclude<CardAction, 'accept'>; observation: ObservationView } | null>(null)
  const listRef = useRef<HTMLDivElement>(null)
  const refocus = useRef<{ id: number; index: number } | null>(null)

  const inbox = useQuery({ queryKey: ['observations', 'inbox', status], queryFn: () => call('observation.inbox', { status, limit: 200 }) })
  const all = [...(inbox.data?.observations ?? [])].sort((a, b) => b.id - a.id)
  const list = department ? all.filter((o) => o.department === department) : all
  const newTotal = (inbox.data?.byDepartment ?? []).reduce((sum, c) => sum + c.new, 0)

  // The live handler reads the latest wording through a ref, so the subscription is made once.
  const announce = useRef<(observation: ObservationView) => void>(() => {})
  useEffect(() => {
    announce.current = (observation) => {
      const message = t('inbox.arrived', { department: departmentName(observation.department), guest: observation.guest.nativeName, text: observation.text })
      setFresh((ids) => new Set(ids).add(observation.id))
      setAnnouncement(message)
      notify({ title: t('inbox.arrivedTitle'), message, color: 'indigo', autoClose: 8000 })
    }
  })
  useEffect(
    () =>
      subscribe((event) => {
        // The inbox itself is refetched for every observation event (api/event-queries.ts).
        if (event.name === 'observation.created') announce.current((event.payload as { observation: ObservationView }).observation)
      }),
    [],
  )

  const cards = () => [...(listRef.current?.querySelectorAll<HTMLElement>(cardSelector) ?? [])]
  const focusCard = (index: number) => {
    const all = cards()
    if (all.length) all[Math.max(0, Math.min(all.length - 1, index))].focus()
  }
  // After a decision the card leaves the list: keep the reader's place by focusing the one that took its place.
  useEffect(() => {
    if (!refocus.current || list.some((o) => o.id === refocus.current?.id)) return
    const { index } = refocus.current
    refocus.current = null
    if (cards().length) focusCard(index)
    else document.getElementById('inbox-list-title')?.focus()
  })
  useHotkeys([['j', () => !document.activeElement?.closest(cardSelector) && focusCard(0)]])

  const review = useReview((done) => {
    setDialog(null)
    refocus.current = { id: done.observation.id, index: list.findIndex((o) => o.id === done.observation.id) }
  })
  const act = (observation: ObservationView, action: CardAction) => {
    if (action !== 'accept') return setDialog({ kind: action, observation })
    if (observation.suggestion) review.mutate({ kind: 'accept', observation, preference: { ...toDraft(observation.suggestion), note: observation.text.slice(0, 500) } })
  }
  const pendingFor = (o: ObservationView) => review.isPending && review.variables?.observation.id === o.id

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">{t('inbox.title')}</Title>
        <Text c="dimmed" size="sm" visibleFrom="sm">{t('inbox.keys')}</Text>
      </div>
      <VisuallyHidden role="status" aria-live="polite">{announcement}</VisuallyHidden>
      {inbox.data ? <DepartmentCounts counts={inbox.data.byDepartment} selected={department} onSelect={setDepartment} /> : null}
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={2} size="h4" id="inbox-list-title" tabIndex={-1}>
          {department ? t('inbox.listFrom', { department: departmentName(department) }) : t('inbox.list')}
        </Title>
        <SegmentedControl
          aria-label={t('inbox.show')}
          value={status}
          onChange={(v) => setStatus(v as Status)}
          data={statuses.map((s) => ({ value: s, label: s === 'new' ? t('inbox.statusNew', { count: newTotal }) : t(`feedback.status.${s}`) }))}
        />
      </Group>
      {inbox.isLoading ? <Loader aria-label={t('app.loading')} /> : null}
      {inbox.isError ? <Alert color="red" role="alert">{errorMessage(t, inbox.error)}</Alert> : null}
      {inbox.data && list.length === 0 ? <Text c="dimmed">{status === 'new' ? t('inbox.empty') : t('inbox.emptyDecided')}</Text> : null}
      <Stack gap="sm" ref={listRef} data-testid="inbox-list">
        {list.map((o, index) => (
          <ObservationCard
            key={o.id}
            observation={o}
            fresh={fresh.has(o.id)}
            busy={pendingFor(o)}
            onAction={(action) => act(o, action)}
            onMove={(delta) => focusCard(index + delta)}
          />
        ))}
      </Stack>
      <AcceptDialog
        observation={dialog?.kind === 'edit' ? dialog.observation : null}
        pending={review.isPending}
        onClose={() => setDialog(null)}
        onAccept={(preference) => dialog && review.mutate({ kind: 'accept', observation: dialog.observation, preference })}
      />
      <MergeDialog
        observation={dialog?.kind === 'merge' ? dialog.observation : null}
        pending={review.isPending}
        onClose={() => setDialog(null)}
        onMerge={(preferenceId) => dialog && review.mutate({ kind: 'merge', observation: dialog.observation, preferenceId })}
      />
      <RejectDialog
        observation={dialog?.kind === 'reject' ? dialog.observation : null}
        pending={review.isPending}
        onClose={() => setDialog(null)}
        onReject={(reason) => dialog && review.mutate({ kind: 'reject', observation: dialog.observation, reason })}
      />
    </Stack>
  )
}
