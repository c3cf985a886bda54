import { Alert, Anchor, Badge, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { GuestCard } from '../../../electron/core/guests/guest.card'
import { useDepartmentName } from '../../api/reference-data'
import { useHotelTime } from '../../app/hotel-time'
import { readsRecoveryCases, recordsSatisfaction } from '../../app/role-abilities'
import { useSession } from '../../app/session'
import { notify } from '../../components/notify'
import { caseGuestName, statusColor } from './case-words'
import { ChoiceButtons } from './ChoiceButtons'
import { RaiseProblemButton } from './RaiseProblemButton'
import { recordSatisfaction, recoveryOfCard } from './recovery-api'
import { averageText, recordableStays } from './recovery-history'
import { useRefreshRecovery, useRefusal } from './use-recovery'

/** The guest card's "Problems and recovery": cases, promises still open, satisfaction scores. */
export function GuestRecoverySection({ card }: { card: GuestCard }) {
  const { t, i18n } = useTranslation()
  const hotelTime = useHotelTime()
  const departmentName = useDepartmentName()
  const role = useSession().staff?.role
  const history = recoveryOfCard(card)
  const [scoring, setScoring] = useState(false)
  // The form closed (saved or cancelled): the cursor goes back to the button that opened it.
  const opener = useRef<HTMLButtonElement>(null)
  const closedForm = useRef(false)
  useEffect(() => {
    if (!scoring && closedForm.current) {
      closedForm.current = false
      opener.current?.focus()
    }
  }, [scoring])
  const closeScoring = () => {
    closedForm.current = true
    setScoring(false)
  }
  const stays = recordableStays(card.stays)
  const current = stays[0]
  const average = averageText(history?.averageScore ?? null, i18n.language)

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="recovery-title" data-testid="guest-recovery">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4" id="recovery-title">{t('recovery.card.title')}</Title>
          {current ? <RaiseProblemButton stay={{ stayId: current.id, guestId: card.guest.id }} from="card" size="xs" guestName={card.guest.nativeName} roomNumber={current.roomNumber} /> : null}
        </Group>
        {!history || (history.cases.length === 0 && history.satisfaction.length === 0) ? <Text size="sm" c="dimmed">{t('recovery.card.none')}</Text> : null}
        {history && history.cases.length > 0 ? (
          <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('recovery.card.cases')}>
            {history.cases.map((c) => (
              <li key={c.id} data-testid="guest-case">
                <Group gap={6} wrap="wrap">
                  {role && readsRecoveryCases(role) ? (
                    <Anchor href={`#/recovery/${c.id}`} size="sm" fw={600}>{t('recovery.card.caseLink', { id: c.id, category: t(`recovery.category.${c.category}`) })}</Anchor>
                  ) : (
                    <Text size="sm" fw={600}>{t('recovery.card.caseLink', { id: c.id, category: t(`recovery.category.${c.category}`) })}</Text>
                  )}
                  <Badge c="var(--mantine-color-text)" size="sm" color={statusColor(c.status)} variant="light" tt="none">{t(`recovery.status.${c.status}`)}</Badge>
                  {c.recovered ? <Badge c="var(--mantine-color-text)" size="sm" color="green" variant="outline" tt="none">{t('recovery.recovered')}</Badge> : null}
                </Group>
                <Text size="xs" c="dimmed">
                  {[hotelTime.day(c.raisedAt), departmentName(c.department), t('recovery.stepsDone', { count: c.stepsDone }), c.guestName ? null : caseGuestName(c, t)].filter(Boolean).join(' · ')}
                </Text>
                <Text size="sm" lineClamp={2}>{c.description}</Text>
              </li>
            ))}
          </Stack>
        ) : null}
        {history && history.openPromises.length > 0 ? (
          <div>
            <Text size="sm" fw={700}>{t('recovery.card.openPromises')}</Text>
            {history.openPromises.map((p) => (
              <Text size="sm" key={`${p.caseId}-${p.text}`} data-testid="open-promise">
                {t('recovery.flags.promise', { text: p.text, due: hotelTime.date(p.dueDate), department: departmentName(p.department) })}
              </Text>
            ))}
          </div>
        ) : null}
        {history && history.satisfaction.length > 0 ? (
          <div>
            <Text size="sm" fw={700}>{average ? t('recovery.card.scoresAverage', { average }) : t('recovery.card.scores')}</Text>
            {history.satisfaction.map((s) => (
              <Text size="sm" key={s.id} data-testid="satisfaction-score">
                {t('recovery.card.scoreLine', { score: s.score, date: hotelTime.day(s.recordedAt), source: t(`recovery.satisfaction.source.${s.source}`) })}
                {s.comment ? ` — ${s.comment}` : ''}
              </Text>
            ))}
          </div>
        ) : null}
        {role && recordsSatisfaction(role) && stays.length > 0 ? (
          scoring ? <ScoreForm stays={stays} onDone={closeScoring} /> : <Group><Button ref={opener} size="xs" variant="default" onClick={() => setScoring(true)}>{t('recovery.satisfaction.record')}</Button></Group>
        ) : null}
      </Stack>
    </Paper>
  )
}

/** A score 1–5 and a comment, for one of the guest's stays. */
function ScoreForm({ stays, onDone }: { stays: { id: number; confirmationNo: string; arrival: string; departure: string }[]; onDone: () => void }) {
  const { t } = useTranslation()
  const hotelTime = useHotelTime()
  const scoreRef = useRef<HTMLButtonElement>(null)
  useEffect(() => scoreRef.current?.focus(), [])
  const refresh = useRefreshRecovery()
  const [stayId, setStayId] = useState(String(stays[0].id))
  const [score, setScore] = useState('')
  const [comment, setComment] = useState('')
  const [tried, setTried] = useState(false)
  const save = useMutation({
    mutationFn: () => recordSatisfaction({ stayId: Number(stayId), score: Number(score), ...(comment.trim() ? { comment: comment.trim() } : {}) }),
    onSuccess: async () => {
      notify({ color: 'green', message: t('recovery.satisfaction.saved') })
      await refresh()
      onDone()
    },
  })
  const refusal = useRefusal(save.error, ['score', 'comment', 'stayId'])
  const submit = (e: FormEvent) => {
    e.preventDefault()
    setTried(true)
    if (score === '') scoreRef.current?.focus()
    else if (!save.isPending) save.mutate()
  }
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault()
      onDone()
    }
  }
  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label={t('recovery.satisfaction.record')} data-testid="score-form">
      <Stack gap="xs">
        <NativeSelect
          label={t('recovery.satisfaction.stay')}
          value={stayId}
          onChange={(e) => setStayId(e.currentTarget.value)}
          data={stays.map((s) => ({ value: String(s.id), label: `${s.confirmationNo} · ${hotelTime.date(s.arrival)} – ${hotelTime.date(s.departure)}` }))}
          error={refusal.field('stayId')}
        />
        <div>
          <ChoiceButtons
            ref={scoreRef}
            name="score"
            label={t('recovery.satisfaction.scoreLabel')}
            choices={['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v }))}
            value={score}
            onChange={setScore}
            required
            cols={{ base: 5, xs: 5 }}
            error={refusal.field('score') ?? (tried && score === '' ? t('recovery.satisfaction.scoreMissing') : undefined)}
          />
          <Text size="xs" c="dimmed">{t('recovery.satisfaction.scoreHint')}</Text>
        </div>
        <Textarea label={t('recovery.satisfaction.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} maxLength={1000} autosize minRows={1} error={refusal.field('comment')} />
        {refusal.general ? <Alert color="red" role="alert">{refusal.general}</Alert> : null}
        <Group justify="flex-end" gap="xs">
          <Button size="xs" variant="default" onClick={onDone}>{t('recovery.cancel')}</Button>
          <Button size="xs" type="submit" loading={save.isPending}>{t('recovery.satisfaction.save')}</Button>
        </Group>
      </Stack>
    </form>
  )
}
