import { Anchor, Badge, Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { PreferenceView } from '../../../electron/core/guests/guest.card'
import { call } from '../../api/client'
import { useDepartmentName } from '../../api/reference-data'
import { errorMessage } from '../../app/errors'
import { useSession } from '../../app/session'
import { usePreferenceText } from '../checkin/GuestCardPanel'
import { StrengthBadge } from './StrengthBadge'
import { useProfileMutation } from './use-profile-mutation'
import { useDateTime, useWhen } from './when'
import { notify } from '../../components/notify'
import { useHotelTime } from '../../app/hotel-time'
import { readsRecoveryCases } from '../../app/role-abilities'

/** One preference: what, how strongly, for how long, who noticed it and when, and what to do with it. */
export function PreferenceItem({ guestId, preference: p, observation, onEdit }: { guestId: number; preference: PreferenceView; observation?: string; onEdit: () => void }) {
  const { t } = useTranslation()
  const { staff } = useSession()
  const text = usePreferenceText()
  const when = useWhen()
  const dateTime = useDateTime()
  const departmentName = useDepartmentName()
  const hotelTime = useHotelTime()
  const name = text(p)
  const lesson = p.sourceRecoveryCase
  const lessonText = lesson ? t('preference.fromRecoveryCase', { id: lesson.id, category: t(`recovery.category.${lesson.category}`), date: hotelTime.date(lesson.raisedOn) }) : null
  const failed = (error: unknown) => notify({ color: 'red', title: t('profile.notSaved'), message: errorMessage(t, error) })
  const confirm = useProfileMutation(guestId, () => call('preference.confirm', { preferenceId: p.id }), () => notify({ color: 'green', message: t('preference.confirmed', { preference: name }) }))
  const retire = useProfileMutation(guestId, () => call('preference.retire', { preferenceId: p.id }), () => notify({ color: 'green', message: t('preference.retired', { preference: name }) }))
  const who = p.sourceStaffId !== null && p.sourceStaffId === staff?.staffId ? t('preference.you') : (p.sourceStaff ?? t('preference.unknownStaff'))
  const source = [who, p.sourceDepartment ? departmentName(p.sourceDepartment) : null, when(p.recordedAt)].filter(Boolean).join(t('profile.listSeparator'))

  return (
    <Stack gap={2} data-testid="preference" data-preference={`${p.category}.${p.code}`}>
      <Group gap={6} wrap="wrap">
        <Text fw={600} size="sm">{name}</Text>
        <StrengthBadge strength={p.strength} size="sm" />
        {p.scope === 'stay' ? <Badge size="sm" variant="default">{t('card.thisStay')}</Badge> : <Text span size="xs" c="dimmed">{t('preference.always')}</Text>}
        {p.stale ? <Badge size="sm" variant="filled" color="orange.3" c="dark.9">{t('preference.stale')}</Badge> : null}
      </Group>
      {p.note ? <Text size="sm">{p.note}</Text> : null}
      <Text size="xs" c="dimmed" data-testid="provenance">
        <span title={dateTime(p.recordedAt)}>{t('preference.noticed', { source })}</span>
        {observation ? <> · {t('preference.fromObservation', { text: observation })}</> : null}
        {lessonText ? <> · {staff && readsRecoveryCases(staff.role) ? <Anchor href={`#/recovery/${lesson!.id}`} size="xs">{lessonText}</Anchor> : lessonText}</> : null}
      </Text>
      <Text size="xs" c="dimmed">
        <span title={dateTime(p.lastConfirmedAt)}>
          {p.confirmedBy ? t('preference.confirmedBy', { when: when(p.lastConfirmedAt), name: p.confirmedBy }) : t('preference.lastConfirmed', { when: when(p.lastConfirmedAt) })}
        </span>
      </Text>
      <Group gap={4} mt={2}>
        <Button size="compact-xs" variant="default" onClick={onEdit}>
          {t('preference.edit')}<VisuallyHidden> {name}</VisuallyHidden>
        </Button>
        <Button size="compact-xs" variant="default" onClick={() => confirm.mutate(undefined, { onError: failed })} loading={confirm.isPending}>
          {t('preference.confirm')}<VisuallyHidden> {name}</VisuallyHidden>
        </Button>
        <Button size="compact-xs" variant="default" color="red" onClick={() => retire.mutate(undefined, { onError: failed })} loading={retire.isPending}>
          {t('preference.retire')}<VisuallyHidden> {name}</VisuallyHidden>
        </Button>
      </Group>
    </Stack>
  )
}
