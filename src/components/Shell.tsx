import { ActionIcon, Alert, AppShell, Anchor, Badge, Group, Menu, Text, UnstyledButton, useMantineColorScheme, VisuallyHidden } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { call } from '../api/client'
import { lazy, Suspense, useCallback, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../app/errors'
import { menuFor } from '../app/pages'
import { useSession } from '../app/session'
import { pick } from '../i18n'
import { ConnectionNotice, ConnectionStatus } from './ConnectionStatus'
import { LanguageSelect } from './LanguageSelect'
import { notify } from './notify'
import { fitsOneRow } from './header-layout'
import classes from './shell.module.css'

// Lazy: "Change my PIN" is opened rarely, and the board's first chunk stays small.
const ChangePinDialog = lazy(() => import('../features/session/ChangePinDialog').then((m) => ({ default: m.ChangePinDialog })))

interface ShellProps {
  hotelName: { en: string; zh: string } | null
  active: string
  children: ReactNode
}

export function Shell({ hotelName, active, children }: ShellProps) {
  const { t, i18n } = useTranslation()
  const { staff, signOut } = useSession()
  const { colorScheme, toggleColorScheme } = useMantineColorScheme()
  const [changingPin, setChangingPin] = useState(false)
  const menu = staff ? menuFor(staff.role) : { links: [], desk: [] }
  const links = menu.links.map((key) => ({ key, label: t(`nav.${key}`) }))
  const desk = menu.desk.map((key) => ({ key, label: t(`nav.${key}`) }))
  const inDesk = desk.some((d) => d.key === active)
  // A hotel with no rooms yet: whoever may set it up is shown where to start (the checklist).
  const setup = useQuery({ queryKey: ['setup'], queryFn: () => call('setup.status', {}), enabled: desk.some((d) => d.key === 'hotel') })
  const needsRooms = setup.data !== undefined && setup.data.rooms === 0 && active !== 'hotel' && active !== 'rooms'
  // PMS arrivals waiting for guest relations to link or create: a count beside the menu entry.
  const waiting = useQuery({
    queryKey: ['arrival-matches', 'count'],
    queryFn: () => call('arrivals.count', {}),
    enabled: links.some((l) => l.key === 'arrivals'),
  })
  const waitingCount = waiting.data?.open ?? 0
  const { bar, title, links: linkRow, status, controls, twoRows, height } = useHeaderLayout(`${i18n.language} ${links.length} ${desk.length} ${waitingCount}`)
  return (
    <AppShell header={{ height: height ?? (twoRows ? 92 : { base: 92, sm: 56 }) }} padding="md">
      <AppShell.Header px="md">
        <div className={classes.bar} ref={bar} data-two-rows={twoRows || undefined}>
          <Text fw={700} size="lg" className={classes.title} ref={title}>
            {t('app.name')}
            {hotelName ? <Text span c="dimmed" size="sm" ml="xs" visibleFrom="sm">{pick(hotelName, i18n.language)}</Text> : null}
          </Text>
          {/* The menu and the connection's state share a row: the second one on a phone, or when the
              menu does not fit beside the name and controls. What is still too wide wraps. */}
          <div className={classes.lower}>
            <nav aria-label={t('nav.label')} className={classes.menu}>
              <Group gap="sm" wrap="wrap" className={classes.links} ref={linkRow}>
                {links.map((l) => (
                  <Anchor key={l.key} href={`#/${l.key}`} className={classes.link} fw={active === l.key ? 700 : 500} underline={active === l.key ? 'always' : 'hover'} aria-current={active === l.key ? 'page' : undefined} data-nav={l.key}>
                    {l.label}
                    {l.key === 'arrivals' && waitingCount > 0 ? (
                      <Badge size="xs" ml={4} circle={waitingCount < 10} aria-label={t('nav.waiting', { count: waitingCount })}>
                        {waitingCount}
                      </Badge>
                    ) : null}
                  </Anchor>
                ))}
                {desk.length > 0 ? (
                  <Menu position="bottom-start" shadow="md" withinPortal={false} withInitialFocusPlaceholder={false}>
                    <Menu.Target>
                      <UnstyledButton
                        className={classes.link}
                        data-nav="desk"
                        aria-haspopup="menu"
                        // Which desk page is open is said, not shown: the button keeps its width.
                        aria-label={inDesk ? `${t('nav.desk')}${t('nav.deskAtHidden', { page: t(`nav.${active}`) })}` : undefined}
                      >
                        <Text span size="sm" fw={inDesk ? 700 : 500} td={inDesk ? 'underline' : undefined} c="var(--mantine-color-anchor)">
                          {t('nav.desk')}
                        </Text>
                        <span aria-hidden className={classes.caret}>▾</span>
                      </UnstyledButton>
                    </Menu.Target>
                    <Menu.Dropdown aria-label={t('nav.desk')}>
                      {desk.map((d) => (
                        <Menu.Item key={d.key} component="a" href={`#/${d.key}`} fw={active === d.key ? 700 : undefined} aria-current={active === d.key ? 'page' : undefined} data-nav={d.key}>
                          {d.label}
                        </Menu.Item>
                      ))}
                    </Menu.Dropdown>
                  </Menu>
                ) : null}
              </Group>
            </nav>
            <div ref={status} className={classes.status}>
              <ConnectionStatus />
            </div>
          </div>
          <Group gap="xs" wrap="nowrap" className={classes.controls} ref={controls}>
            <LanguageSelect />
            <ActionIcon variant="default" size="lg" onClick={toggleColorScheme} aria-label={colorScheme === 'dark' ? t('nav.lightMode') : t('nav.darkMode')}>
              <span aria-hidden>{colorScheme === 'dark' ? '☀' : '☾'}</span>
            </ActionIcon>
            {staff ? (
              <Menu position="bottom-end">
                <Menu.Target>
                  <UnstyledButton aria-label={t('nav.account', { name: staff.name })}>
                    {/* A long name is cut short on a phone rather than pushing the header onto a third row. */}
                    <Text size="sm" fw={600} truncate="end" maw={{ base: 96, sm: 240 }}>{staff.name}</Text>
                    <VisuallyHidden>{t(`roles.${staff.role}`)}</VisuallyHidden>
                  </UnstyledButton>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>{t(`roles.${staff.role}`)}</Menu.Label>
                  <Menu.Item onClick={() => setChangingPin(true)} data-testid="change-pin">{t('nav.changePin')}</Menu.Item>
                  <Menu.Item onClick={() => signOut().catch((error: unknown) => notify({ color: 'red', message: errorMessage(t, error) }))}>{t('nav.signOut')}</Menu.Item>
                </Menu.Dropdown>
              </Menu>
            ) : null}
          </Group>
        </div>
      </AppShell.Header>
      {changingPin ? (
        <Suspense fallback={null}>
          <ChangePinDialog opened onClose={() => setChangingPin(false)} />
        </Suspense>
      ) : null}
      <AppShell.Main>
        <ConnectionNotice />
        {needsRooms ? (
          <Alert color="indigo" mb="md" title={t('hotelSetup.banner.title')} data-testid="setup-banner">
            <Text size="sm">
              {t('hotelSetup.banner.text')}{' '}
              <Anchor href="#/hotel" fw={600} underline="always">{t('hotelSetup.banner.link')}</Anchor>
            </Text>
          </Alert>
        ) : null}
        {children}
      </AppShell.Main>
    </AppShell>
  )
}

/**
 * Measures the header: whether the menu fits on the name's row (else it takes a second row), and
 * how tall the header is once a long menu wraps onto more lines, so the page starts below it.
 */
function useHeaderLayout(contentKey: string) {
  const bar = useRef<HTMLDivElement>(null)
  const title = useRef<HTMLParagraphElement>(null)
  const links = useRef<HTMLDivElement>(null)
  const status = useRef<HTMLDivElement>(null)
  const controls = useRef<HTMLDivElement>(null)
  const [twoRows, setTwoRows] = useState(false)
  const [height, setHeight] = useState<number | null>(null)

  const measure = useCallback(() => {
    const b = bar.current
    if (!b || !title.current || !links.current || !status.current || !controls.current) return
    // A phone always has two rows (shell.module.css); a wider screen only when the menu does not fit.
    const wide = window.matchMedia('(min-width: 48em)').matches
    const gap = parseFloat(getComputedStyle(b).columnGap) || 16
    const fits = fitsOneRow({
      bar: b.clientWidth,
      title: title.current.offsetWidth,
      menu: menuWidth(links.current),
      status: status.current.offsetWidth,
      controls: controls.current.offsetWidth,
      gap,
    })
    setTwoRows(wide && !fits)
    setHeight(Math.ceil(b.offsetHeight))
  }, [])

  useLayoutEffect(() => {
    measure()
    const observer = new ResizeObserver(() => measure())
    for (const el of [bar.current, title.current, links.current, status.current, controls.current]) if (el) observer.observe(el)
    return () => observer.disconnect()
  }, [measure, contentKey])

  return { bar, title, links, status, controls, twoRows, height }
}

/** The menu's width on one line (its entries side by side), whether or not it wraps now. */
function menuWidth(row: HTMLElement): number {
  const entries = Array.from(row.children) as HTMLElement[]
  const gap = parseFloat(getComputedStyle(row).columnGap) || 0
  return entries.reduce((sum, e) => sum + e.offsetWidth, 0) + gap * Math.max(0, entries.length - 1)
}
