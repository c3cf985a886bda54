import { ActionIcon, AppShell, Anchor, Badge, Group, Menu, Text, UnstyledButton, useMantineColorScheme, VisuallyHidden } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { call } from '../api/client'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../app/errors'
import { menuPagesFor } from '../app/pages'
import { useSession } from '../app/session'
import { pick } from '../i18n'
import { ConnectionNotice, ConnectionStatus } from './ConnectionStatus'
import { LanguageSelect } from './LanguageSelect'
import { notify } from './notify'
import classes from './shell.module.css'

interface ShellProps {
  hotelName: { en: string; zh: string } | null
  active: string
  children: ReactNode
}

export function Shell({ hotelName, active, children }: ShellProps) {
  const { t, i18n } = useTranslation()
  const { staff, signOut } = useSession()
  const { colorScheme, toggleColorScheme } = useMantineColorScheme()
  const links = (staff ? menuPagesFor(staff.role) : []).map((key) => ({ key, label: t(`nav.${key}`) }))
  // PMS arrivals waiting for guest relations to link or create: a count beside the menu entry.
  const waiting = useQuery({
    queryKey: ['arrival-matches', 'count'],
    queryFn: () => call('arrivals.count', {}),
    enabled: links.some((l) => l.key === 'arrivals'),
  })
  const waitingCount = waiting.data?.open ?? 0
  return (
    <AppShell header={{ height: { base: 92, sm: 56 } }} padding="md">
      <AppShell.Header px="md">
        <div className={classes.bar}>
          <Text fw={700} size="lg" className={classes.title}>
            {t('app.name')}
            {hotelName ? <Text span c="dimmed" size="sm" ml="xs" visibleFrom="sm">{pick(hotelName, i18n.language)}</Text> : null}
          </Text>
          {/* The menu and the connection's state share a row: the second one on a phone. */}
          <div className={classes.lower}>
            <Group component="nav" aria-label={t('nav.label')} gap="sm" wrap="nowrap" className={classes.menu}>
              {links.map((l) => (
                <Anchor key={l.key} href={`#/${l.key}`} style={{ whiteSpace: 'nowrap' }} fw={active === l.key ? 700 : 500} underline={active === l.key ? 'always' : 'hover'} aria-current={active === l.key ? 'page' : undefined} data-nav={l.key}>
                  {l.label}
                  {l.key === 'arrivals' && waitingCount > 0 ? (
                    <Badge size="xs" ml={4} circle={waitingCount < 10} aria-label={t('nav.waiting', { count: waitingCount })}>
                      {waitingCount}
                    </Badge>
                  ) : null}
                </Anchor>
              ))}
            </Group>
            <ConnectionStatus />
          </div>
          <Group gap="xs" wrap="nowrap" className={classes.controls}>
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
                  <Menu.Item onClick={() => signOut().catch((error: unknown) => notify({ color: 'red', message: errorMessage(t, error) }))}>{t('nav.signOut')}</Menu.Item>
                </Menu.Dropdown>
              </Menu>
            ) : null}
          </Group>
        </div>
      </AppShell.Header>
      <AppShell.Main>
        <ConnectionNotice />
        {children}
      </AppShell.Main>
    </AppShell>
  )
}
