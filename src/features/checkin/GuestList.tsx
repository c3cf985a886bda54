import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core'
import type { KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { GuestName, type NamedGuest } from '../../components/guest-name'
import { roomBadge } from './arrival-row'
import classes from './guest-list.module.css'

export interface GuestListItem {
  key: string
  guestId: number
  stayId: number | null
  guest: NamedGuest & { vip: number }
  detail: string
  /** Why a search hit is listed when it was not its name ("Found by phone"): see match-hint.ts. */
  matchHint?: string | null
  status?: string | null
  roomNumber?: string | null
  alerts?: number
  /** ETA, room type, PMS confirmation (arrival-row.ts): what the desk reads before the guest is at the counter. */
  facts?: string[]
  /** Issue 13: the guest had a problem on an earlier stay, or a promise is still open (stay.arrivals / stay.inHouse). */
  recovery?: { pastCases: number; openPromises: number } | null
}

// A badge shows its whole text: it never shrinks to "1 ALE…" beside a long name.
const whole = { root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible' } } as const

/** A keyboard-friendly list: arrow keys move, Enter opens. */
export function GuestList({ items, selectedKey, onOpen, label }: { items: GuestListItem[]; selectedKey: string | null; onOpen: (item: GuestListItem) => void; label: string }) {
  const { t } = useTranslation()
  const move = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const delta = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0
    if (!delta) return
    e.preventDefault()
    const buttons = e.currentTarget.closest('ul')?.querySelectorAll<HTMLButtonElement>('button[data-guest-item]')
    buttons?.[Math.max(0, Math.min((buttons?.length ?? 1) - 1, index + delta))]?.focus()
  }
  if (items.length === 0) return <Text c="dimmed" py="sm">{t('checkin.nobody')}</Text>
  return (
    <Stack component="ul" gap={4} p={0} m={0} aria-label={label} style={{ listStyle: 'none' }}>
      {items.map((item, index) => (
        <li key={item.key}>
          <UnstyledButton
            data-guest-item
            className={classes.item}
            data-selected={item.key === selectedKey || undefined}
            aria-current={item.key === selectedKey ? 'true' : undefined}
            onClick={() => onOpen(item)}
            onKeyDown={(e) => move(e, index)}
          >
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <div style={{ minWidth: 0 }}>
                <GuestName guest={item.guest} />
                <Text size="xs" c="dimmed">{item.detail}</Text>
                {item.facts?.length ? <Text size="xs" c="dimmed" data-testid="arrival-facts">{item.facts.join(' · ')}</Text> : null}
                <ChosenRoom status={item.status} roomNumber={item.roomNumber} />
                {item.matchHint ? <Text size="xs" c="dimmed" data-testid="match-hint">{item.matchHint}</Text> : null}
              </div>
              {/* Badges keep their whole text ("1 alert", "VIP 2"): on a narrow screen they stack rather than shrink. */}
              <Group gap={4} wrap="wrap" justify="flex-end" className={classes.badges}>
                {item.recovery?.openPromises ? <Badge c="var(--mantine-color-text)" color="orange" variant="light" size="sm" tt="none" styles={whole} data-testid="open-promise-badge">{t('recovery.flags.badgeOpenPromise', { count: item.recovery.openPromises })}</Badge> : null}
                {item.recovery?.pastCases && !item.recovery.openPromises ? <Badge c="var(--mantine-color-text)" color="orange" variant="light" size="sm" tt="none" styles={whole} data-testid="problem-last-time-badge">{t('recovery.flags.badgeLastTime')}</Badge> : null}
                {item.alerts ? <Badge color="red" variant="filled" size="sm" tt="none" styles={whole}>{t('checkin.alertsBadge', { count: item.alerts })}</Badge> : null}
                {item.guest.vip > 0 ? <Badge color="yellow" variant="filled" c="dark" size="sm" styles={whole}>VIP {item.guest.vip}</Badge> : null}
                {item.status === 'in_house' ? <Badge variant="outline" size="sm" tt="none" styles={whole}>{roomBadge(item.status, item.roomNumber, t)?.text}</Badge> : null}
              </Group>
            </Group>
          </UnstyledButton>
        </li>
      ))}
    </Stack>
  )
}

/** A room chosen before arrival, as its own line under the name: "Room 1208 chosen", never a checked-in badge. */
function ChosenRoom({ status, roomNumber }: { status?: string | null; roomNumber?: string | null }) {
  const { t } = useTranslation()
  const badge = roomBadge(status, roomNumber, t)
  if (!badge?.chosen) return null
  return <Text size="xs" fw={600} data-room-chosen>{badge.text}</Text>
}
