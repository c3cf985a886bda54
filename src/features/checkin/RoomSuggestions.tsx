import { Alert, Badge, type BadgeProps, Button, Group, Loader, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/errors'
import { call } from '../../api/client'
import { subscribe } from '../../api/live-events'
import { useVocabulary } from '../../api/reference-data'
import { houseRuleWords, readinessWords, reasonWords, type ReasonTone } from './room-reason'
import { focusAfterLoss, takenRoom, withoutRoom, type StayChange } from './room-taken'
import { useFieldErrors } from './use-field-errors'

// Filled dark shades or the default badge: AA contrast in light and dark schemes; the mark and the words carry the meaning.
const toneStyle: Record<ReasonTone, BadgeProps> = {
  fits: { variant: 'filled', color: 'green.2', c: 'dark.9' },
  near: { variant: 'filled', color: 'yellow.4', c: 'dark.9' },
  misses: { variant: 'default' },
  against: { variant: 'filled', color: 'red.9' },
}

// A reason wraps rather than losing its "— required" to an ellipsis in a narrow column.
const reasonBadge = { label: { whiteSpace: 'normal', overflow: 'visible' } } as const

/**
 * What choosing a room does: check in (standalone), "use this room" to key into the PMS (beside a
 * PMS), or move an in-house guest. Only the buttons' words change.
 */
export type RoomVerb = 'checkIn' | 'useRoom' | 'move'
const verbKeys: Record<RoomVerb, { room: string; other: string }> = {
  checkIn: { room: 'rooms.checkIn', other: 'rooms.checkInOther' },
  useRoom: { room: 'desk.useRoom.button', other: 'desk.useRoom.other' },
  move: { room: 'desk.actions.moveTo', other: 'desk.actions.moveRoom' },
}

/**
 * `error` is the refusal of the last choice (check-in, use, move): about a typed room number it is
 * shown beside the room field, which takes focus; otherwise above the list, where the choice was made.
 */
export function RoomSuggestions({ stayId, onCheckIn, pending, verb = 'checkIn', error }: { stayId: number; onCheckIn: (room: string) => void; pending: boolean; verb?: RoomVerb; error?: unknown }) {
  const { t } = useTranslation()
  const words = verbKeys[verb]
  const { label } = useVocabulary()
  const queryClient = useQueryClient()
  const [manual, setManual] = useState('')
  // Whether the last choice was the typed room (its refusal goes beside the field) or a suggestion.
  const [typed, setTyped] = useState(false)
  const choose = (room: string, fromField: boolean) => {
    setTyped(fromField)
    onCheckIn(room)
  }
  const placed = useFieldErrors(typed && !pending ? error : null, ['roomNumber'])
  const listError = error && !pending ? (typed ? placed.general : errorMessage(t, error)) : null
  const [taken, setTaken] = useState('')
  const suggestions = useQuery({ queryKey: ['suggest', stayId], queryFn: () => call('room.suggest', { stayId, limit: 6 }) })
  const all = useMemo(() => suggestions.data ?? [], [suggestions.data])
  // Core answers the ready rooms first, then a few not ready, of another type or out of service.
  const list = useMemo(() => all.filter((s) => s.readiness === 'ready'), [all])
  const others = useMemo(() => all.filter((s) => s.readiness !== 'ready'), [all])
  // Mantine types Stack's ref as a div's; here it is the <ol>.
  const listRef = useRef<HTMLDivElement>(null)
  const otherRef = useRef<HTMLInputElement>(null)
  /** The room whose button (or anything in its row) has focus, kept when the row is removed under it. */
  const focusedRoom = useRef<string | null>(null)
  const topButton = () => listRef.current?.querySelector<HTMLButtonElement>('[data-testid="check-in-top"]') ?? null

  // Another desk checked a guest into one of these rooms: it leaves the list at once (the
  // refetch the event also causes, in api/event-queries.ts, re-ranks the rest), and we say so.
  useEffect(
    () =>
      subscribe((event) => {
        if (event.name !== 'stay.changed') return
        const room = takenRoom(event.payload as StayChange, stayId)
        if (room === null) return
        const before = queryClient.getQueryData<typeof all>(['suggest', stayId])
        const after = withoutRoom(before, room)
        if (after === before) return
        queryClient.setQueryData(['suggest', stayId], after)
        const next = after?.find((s) => s.readiness === 'ready')?.room.number
        setTaken(next ? t('live.roomTakenNext', { room, next }) : t('live.roomTaken', { room }))
      }),
    [queryClient, stayId, t],
  )

  // The top suggestion takes focus when the list first appears: one keystroke (Enter) checks in.
  const focusedFirst = useRef(false)
  useEffect(() => {
    if (focusedFirst.current || list.length === 0) return
    focusedFirst.current = true
    topButton()?.focus()
  }, [list])

  // The suggestion that had focus is gone (taken, or ranked out): focus the one now first, or the
  // field for another room, never the page's top. Focus the person moved elsewhere stays there.
  useLayoutEffect(() => {
    const where = focusAfterLoss(focusedRoom.current, list.map((s) => s.room.number))
    if (where === 'keep') return
    focusedRoom.current = null
    const active = document.activeElement
    if (active && active !== document.body && !listRef.current?.contains(active)) return
    if (where === 'top') topButton()?.focus()
    else otherRef.current?.focus()
  }, [list])

  const suggestionItem = (s: (typeof all)[number], testId: string | undefined) => (

          <li key={s.room.id} data-room={s.room.number} data-floor={s.room.floor} data-facing={s.room.facing} data-readiness={s.readiness}>
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs" p="xs" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }}>
              <div style={{ minWidth: 0 }}>
                <Text fw={700} size="lg">
                  {s.room.number}{' '}
                  <Text span size="sm" fw={400} c="dimmed">
                    {t('rooms.facts', { floor: s.room.floor, facing: label('room', 'facing', s.room.facing), bed: label('room', 'bed', s.room.bed) })}
                  </Text>
                </Text>
                <Group gap={4} mt={4}>
                  <Badge {...(s.readiness === 'ready' ? toneStyle.fits : toneStyle.misses)} size="sm" tt="none" h="auto" styles={reasonBadge} data-testid="readiness">
                    {readinessWords(s, t)}
                    {s.readiness === 'ready' ? ` · ${t(`housekeeping.${s.housekeeping}`)}` : ''}
                    {s.roomType && s.readiness !== 'different_type' ? ` · ${s.roomType}` : ''}
                  </Badge>
                  {s.reasons.map((r) => {
                    const words = reasonWords(r, t, label)
                    return (
                      <Badge key={r.preferenceId} {...toneStyle[words.tone]} size="sm" tt="none" h="auto" maw="100%" styles={reasonBadge} title={words.spoken} data-tone={words.tone}>
                        {words.text}
                        <VisuallyHidden> ({words.spoken})</VisuallyHidden>
                      </Badge>
                    )
                  })}
                  {s.houseRules.map((rule) => {
                    const words = houseRuleWords(rule, t)
                    return (
                      <Badge key={rule.code} {...toneStyle[words.tone]} size="sm" tt="none" h="auto" maw="100%" styles={reasonBadge} title={words.spoken} data-tone={words.tone} data-rule={rule.code}>
                        {words.text}
                        <VisuallyHidden> ({words.spoken})</VisuallyHidden>
                      </Badge>
                    )
                  })}
                  {s.reasons.length === 0 && s.houseRules.length === 0 ? <Text size="xs" c="dimmed">{t('rooms.noWishes')}</Text> : null}
                </Group>
              </div>
              <Button size="sm" variant={s.readiness === 'ready' ? 'filled' : 'default'} style={{ flexShrink: 0 }} onClick={() => choose(s.room.number, false)} loading={pending} data-testid={testId}>
                {t(words.room, { room: s.room.number })}
              </Button>
            </Group>
          </li>
  )

  if (suggestions.isLoading) return <Loader aria-label={t('app.loading')} />
  // A refusal is said as what it is, never as "No vacant rooms".
  if (suggestions.isError) return <Alert color="red" role="alert">{errorMessage(t, suggestions.error)}</Alert>
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">{t('rooms.title')}</Title>
      <Text size="sm" role="status" aria-live="polite" data-testid="room-taken" c="var(--mantine-color-text)" fw={taken ? 600 : undefined}>
        {taken}
      </Text>
      {listError ? <Alert color="red" role="alert" data-testid="room-choice-error">{listError}</Alert> : null}
      <Stack
        component="ol"
        ref={listRef}
        gap="xs"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={t('rooms.title')}
        data-testid="room-suggestions"
        onFocus={(e) => {
          focusedRoom.current = (e.target as HTMLElement).closest<HTMLElement>('li[data-room]')?.dataset.room ?? null
        }}
        onBlur={(e) => {
          // Focus moved on to something else: forget. A row removed under the focus gives no new target.
          if (e.relatedTarget) focusedRoom.current = null
        }}
      >
        {list.map((s, index) => suggestionItem(s, index === 0 ? 'check-in-top' : undefined))}
      </Stack>
      {list.length === 0 ? <Text c="dimmed">{others.length > 0 ? t('readiness.noneReady') : t('rooms.noneVacant')}</Text> : null}
      {others.length > 0 ? (
        <>
          <Title order={4} size="h6" mt="xs">{t('readiness.othersTitle')}</Title>
          <Text size="xs" c="dimmed">{t('readiness.othersHint')}</Text>
          <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('readiness.othersTitle')} data-testid="room-others">
            {others.map((s) => suggestionItem(s, undefined))}
          </Stack>
        </>
      ) : null}
      <form
        ref={placed.formRef}
        onSubmit={(e) => {
          e.preventDefault()
          if (manual.trim()) choose(manual.trim(), true)
        }}
      >
        <Group align="flex-start" gap="xs">
          <TextInput
            ref={otherRef}
            name="roomNumber"
            label={t('rooms.otherRoom')}
            value={manual}
            onChange={(e) => setManual(e.currentTarget.value)}
            w={220}
            error={placed.fieldError('roomNumber')}
            data-testid="other-room"
          />
          <Button type="submit" variant="default" disabled={!manual.trim()} loading={pending} mt={25}>{t(words.other)}</Button>
        </Group>
      </form>
    </Stack>
  )
}
