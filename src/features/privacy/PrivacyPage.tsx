import { Alert, Anchor, Button, Group, Loader, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { useHotelTime } from '../../app/hotel-time'
import { Dialog } from '../../components/Dialog'
import { notify } from '../../components/notify'

const pageSize = 20

/**
 * The manager's desk: privacy. The retention period ("anonymise guests inactive for more than N
 * years"), a preview of who it reaches today, and a run that anonymises exactly them after a
 * confirmation naming how many.
 */
export function PrivacyPage() {
  const { t } = useTranslation()
  const queries = useQueryClient()
  const saved = useQuery({ queryKey: ['privacy-retention'], queryFn: () => call('privacy.retention', {}) })
  const [years, setYears] = useState<number | ''>('')
  useEffect(() => {
    if (saved.data) setYears(saved.data.years ?? '')
  }, [saved.data])
  const asked = years === '' ? null : years
  const valid = asked === null || (Number.isInteger(asked) && asked >= 1 && asked <= 30)
  const preview = useQuery({
    queryKey: ['privacy-preview', asked],
    queryFn: () => call('privacy.retentionPreview', { years: asked, limit: pageSize }),
    enabled: saved.isSuccess && valid,
  })
  const save = useMutation({
    mutationFn: () => call('privacy.setRetention', { years: asked }),
    onSuccess: () => {
      notify({ color: 'green', message: t('privacyPage.saved') })
      void queries.invalidateQueries({ queryKey: ['privacy-retention'] })
    },
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (valid) save.mutate()
  }
  const unsaved = saved.data !== undefined && (saved.data.years ?? null) !== asked
  return (
    <Stack gap="md" maw={960}>
      <Title order={1}>{t('nav.privacy')}</Title>
      <Text c="dimmed" size="sm">{t('privacyPage.intro')}</Text>
      {saved.isLoading ? <Loader aria-label={t('app.loading')} /> : null}
      {saved.isError ? <Alert color="red" role="alert">{errorMessage(t, saved.error)}</Alert> : null}
      <Paper withBorder p="md" component="section" aria-labelledby="retention-title">
        <form onSubmit={submit}>
          <Stack gap="sm">
            <Title order={2} size="h4" id="retention-title">{t('privacyPage.retentionTitle')}</Title>
            <Group align="flex-end" gap="sm" wrap="wrap">
              <NumberInput
                label={t('privacyPage.years')}
                description={t('privacyPage.yearsHint')}
                value={years}
                onChange={(value) => setYears(typeof value === 'number' ? value : value === '' ? '' : Number(value))}
                min={1}
                max={30}
                allowDecimal={false}
                allowNegative={false}
                error={valid ? undefined : t('privacyPage.yearsHint')}
                maw={420}
                data-testid="retention-years"
              />
              <Button type="submit" loading={save.isPending} disabled={!valid || !unsaved} data-testid="retention-save">
                {t('privacyPage.save')}
              </Button>
            </Group>
            {save.isError ? <Alert color="red" role="alert">{errorMessage(t, save.error)}</Alert> : null}
          </Stack>
        </form>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="preview-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="preview-title">{t('privacyPage.previewTitle')}</Title>
          {asked === null ? <Text size="sm">{t('privacyPage.off')}</Text> : null}
          {preview.isLoading ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
          {preview.isError ? <Alert color="red" role="alert">{errorMessage(t, preview.error)}</Alert> : null}
          {preview.data && asked !== null ? <PreviewResult preview={preview.data} unsaved={unsaved} /> : null}
        </Stack>
      </Paper>
    </Stack>
  )
}

type Preview = Awaited<ReturnType<typeof call<'privacy.retentionPreview'>>>

function PreviewResult({ preview, unsaved }: { preview: Preview; unsaved: boolean }) {
  const { t } = useTranslation()
  const hotelTime = useHotelTime()
  if (preview.count === 0) return <Text size="sm" data-testid="retention-count">{t('privacyPage.previewNone')}</Text>
  return (
    <Stack gap="sm">
      {unsaved ? <Text size="sm" c="orange.9">{t('privacyPage.previewUnsaved', { years: preview.years })}</Text> : null}
      <Text size="sm" data-testid="retention-count">{t('privacyPage.previewCount', { count: preview.count, cutoff: hotelTime.date(preview.cutoff ?? '') })}</Text>
      <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('privacyPage.guest')}</Table.Th>
              <Table.Th scope="col">{t('privacyPage.lastStay')}</Table.Th>
              <Table.Th scope="col">{t('privacyPage.lastChange')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.guests.map((g) => (
              <Table.Tr key={g.guestId}>
                <Table.Td>
                  <Anchor href={`#/guest/${g.guestId}`}>{g.romanName && g.romanName !== g.nativeName ? `${g.nativeName} (${g.romanName})` : g.nativeName}</Anchor>
                </Table.Td>
                <Table.Td>{g.lastDeparture ? hotelTime.date(g.lastDeparture) : t('privacyPage.never')}</Table.Td>
                <Table.Td>{hotelTime.date(g.lastChange.slice(0, 10))}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
      </Table>
      {preview.count > preview.guests.length ? <Text size="sm" c="dimmed">{t('privacyPage.more', { count: preview.count - preview.guests.length })}</Text> : null}
      {unsaved ? null : <RunButton count={preview.count} />}
    </Stack>
  )
}

/** "Anonymise these guests": a confirmation that names the count, then the run (refused if the count changed meanwhile). */
function RunButton({ count }: { count: number }) {
  const { t } = useTranslation()
  const queries = useQueryClient()
  const [open, setOpen] = useState(false)
  const run = useMutation({
    mutationFn: () => call('privacy.retentionRun', { expected: count }),
    onSuccess: (answer) => {
      setOpen(false)
      notify({ color: 'green', message: t('privacyPage.done', { count: answer.anonymised }) })
      void queries.invalidateQueries()
    },
    onError: () => void queries.invalidateQueries({ queryKey: ['privacy-preview'] }),
  })
  const close = () => {
    setOpen(false)
    run.reset()
  }
  return (
    <>
      <Group>
        <Button color="red" variant="outline" onClick={() => setOpen(true)} data-testid="retention-run">
          {t('privacyPage.run')}
        </Button>
      </Group>
      <Dialog opened={open} onClose={close} title={t('privacyPage.confirmTitle', { count })} centered>
        <Stack gap="sm">
          <Text size="sm">{t('privacyPage.confirmBody', { count })}</Text>
          {run.isError ? <Alert color="red" role="alert">{errorMessage(t, run.error)}</Alert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{t('privacyPage.cancel')}</Button>
            <Button color="red" onClick={() => run.mutate()} loading={run.isPending} data-testid="retention-confirm">
              {t('privacyPage.confirm', { count })}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </>
  )
}
