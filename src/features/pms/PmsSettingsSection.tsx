import { Alert, Button, Group, Loader, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { readPmsSettings, writePmsSettings } from './pms-api'
import { errorMessage } from '../../app/errors'
import { useHotelTime } from '../../app/hotel-time'
import { settingsChanged, watchFolderProblem } from './watch-folder-error'

type Mode = 'standalone' | 'with_pms'

/** Whether the PMS or Zhike keeps the stays, and the folder the PMS drops its reports in. */
export function PmsSettingsSection() {
  const { t } = useTranslation()
  const hotelTime = useHotelTime()
  const queryClient = useQueryClient()
  const settings = useQuery({ queryKey: ['pms-settings'], queryFn: () => readPmsSettings() })
  const [mode, setMode] = useState<Mode | null>(null)
  const [folder, setFolder] = useState<string | null>(null)
  const [done, setDone] = useState(false)
  const save = useMutation({
    mutationFn: (input: { mode: Mode; watchFolder: string | null }) => writePmsSettings(input),
    onSuccess: (value) => {
      queryClient.setQueryData(['pms-settings'], (prior: object | undefined) => ({ ...prior, ...value }))
      setMode(null)
      setFolder(null)
      setDone(true)
    },
  })
  const current = settings.data
  const shownMode = mode ?? current?.mode ?? 'standalone'
  const shownFolder = folder ?? current?.watchFolder ?? ''
  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.mutate({ mode: shownMode, watchFolder: shownFolder.trim() || null })
  }
  // Nothing applies until Save: the form says so while it differs from what is saved.
  const unsaved = current ? settingsChanged({ mode: current.mode, watchFolder: current.watchFolder ?? null }, { mode: shownMode, watchFolder: shownFolder }) : false
  const problem = save.isError ? watchFolderProblem(save.error, shownFolder.trim()) : null
  const saveError = problem ? t(problem.key, problem.key === 'pms.settings.noSuchFolder' ? { folder: problem.folder } : {}) : save.isError ? errorMessage(t, save.error) : undefined
  const change = () => {
    setDone(false)
    save.reset()
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="pms-settings-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="pms-settings-title">{t('pms.settings.title')}</Title>
        {settings.isLoading ? <Loader aria-label={t('app.loading')} /> : null}
        {settings.isError ? <Alert color="red" role="alert">{errorMessage(t, settings.error)}</Alert> : null}
        {current ? (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <Radio.Group label={t('pms.settings.mode')} value={shownMode} onChange={(v) => { setMode(v as Mode); change() }}>
                <Stack gap={6} mt={4}>
                  <Radio value="standalone" label={t('pms.settings.modes.standalone')} />
                  <Radio value="with_pms" label={t('pms.settings.modes.with_pms')} />
                </Stack>
              </Radio.Group>
              <TextInput
                label={t('pms.settings.watchFolder')}
                description={t('pms.settings.watchFolderHint')}
                value={shownFolder}
                onChange={(e) => { setFolder(e.currentTarget.value); change() }}
                spellCheck={false}
                autoComplete="off"
                error={saveError}
                data-testid="pms-watch-folder"
              />
              <Text size="sm" c="dimmed" data-testid="pms-watch-status">
                {current.watching && current.watchFolder ? t('pms.settings.watching', { folder: current.watchFolder }) : t('pms.settings.notWatching')}
                {current.watching && current.lastScanAt ? ` ${t('pms.settings.lastScan', { time: hotelTime.when(current.lastScanAt) })}` : ''}
              </Text>
              {current.problem ? (
                <Alert color="orange" role="alert" data-testid="pms-watch-problem">
                  {t(`pms.settings.problems.${current.problem.code}`, { folder: current.problem.folder, error: current.problem.error })}
                </Alert>
              ) : null}
              <Group gap="sm">
                <Button type="submit" variant="default" loading={save.isPending}>{t('pms.settings.save')}</Button>
                {unsaved ? <Text size="sm" fw={600} c="orange.9" data-testid="pms-settings-unsaved">{t('pms.settings.unsaved')}</Text> : null}
              </Group>
              <Text size="sm" role="status">{done ? t('pms.settings.saved') : ''}</Text>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Paper>
  )
}
