import { Anchor, Badge, Group, List, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { OutputOf } from '../../../electron/core/api'
import { GuestName } from '../../components/guest-name'
import { timelineLines } from './stay-timeline'
import { useHotelTime } from '../../app/hotel-time'

export type StayDetails = OutputOf<'stay.details'>

/** A fact of the booking, shown only when the PMS or the desk gave it. */
function Fact({ label, value }: { label: string; value: string | null }) {
  if (!value) return null
  return (
    <>
      <Text component="dt" size="sm" c="dimmed">{label}</Text>
      <Text component="dd" size="sm" m={0} style={{ whiteSpace: 'pre-wrap' }}>{value}</Text>
    </>
  )
}

/** The booking as the PMS or the desk gave it, the stay's guests (profiles linked) and what happened to it. */
export function StayBooking({ details }: { details: StayDetails }) {
  const { t } = useTranslation()
  const lines = timelineLines(details.events, t, useHotelTime())
  return (
    <Stack gap="sm" data-testid="stay-booking">
      <Title order={3} size="h5">{t('desk.booking.title')}</Title>
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 12, rowGap: 2, margin: 0 }}>
        <Fact label={t('desk.booking.pms')} value={details.pmsConfirmation} />
        <Fact label={t('desk.booking.roomType')} value={details.roomType} />
        <Fact label={t('desk.booking.eta')} value={details.eta} />
        <Fact label={t('desk.booking.membership')} value={details.membershipNo} />
        <Fact label={t('desk.booking.company')} value={details.company} />
        <Fact label={t('desk.booking.source')} value={details.source} />
        <Fact label={t('desk.booking.origin')} value={t(`desk.booking.origin_${details.origin}`, { defaultValue: details.origin })} />
        <Fact label={t('desk.booking.remarks')} value={details.remarks} />
      </dl>

      <Title order={3} size="h6">{t('desk.booking.guests')}</Title>
      <List size="sm" spacing={2} listStyleType="none" p={0} aria-label={t('desk.booking.guests')}>
        <List.Item>
          <Anchor href={`#/guest/${details.guest.guestId}`} aria-label={t('desk.booking.openProfile', { name: details.guest.nativeName })}>
            <GuestName guest={details.guest} size="sm" />
          </Anchor>{' '}
          <Text span size="xs" c="dimmed">{t('desk.booking.mainGuest')}</Text>
        </List.Item>
        {details.companions.map((c) => (
          <List.Item key={c.position} data-testid="companion">
            {c.guestId ? (
              <Anchor href={`#/guest/${c.guestId}`} size="sm" aria-label={t('desk.booking.openProfile', { name: c.name })}>{c.name}</Anchor>
            ) : (
              <Text span size="sm">{c.name}</Text>
            )}{' '}
            <Text span size="xs" c="dimmed">
              {t('desk.booking.companion')}
              {c.guestId ? '' : ` · ${t('desk.booking.noProfile')}`}
            </Text>
          </List.Item>
        ))}
      </List>

      <Title order={3} size="h6">{t('desk.booking.history')}</Title>
      {lines.length === 0 ? (
        <Text size="sm" c="dimmed">{t('desk.booking.noHistory')}</Text>
      ) : (
        <Stack component="ol" gap={2} p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('desk.booking.history')} data-testid="stay-timeline">
          {lines.map((line) => (
            <li key={line.key}>
              <Group gap={6} wrap="wrap">
                <Text span size="xs" c="dimmed" ff="monospace">{line.time}</Text>
                <Text span size="sm">{line.words}</Text>
                <Badge size="xs" variant="default" tt="none">{t('desk.booking.from', { source: line.source })}</Badge>
              </Group>
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  )
}
