import { Grid, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { CaptureForm } from './CaptureForm'
import { MyObservations, useObservationOutcomes } from './MyObservations'

/** Every department reports what it notices; guest relations turns it into the guest's card. */
export function CapturePage() {
  const { t } = useTranslation()
  useObservationOutcomes()
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">{t('observe.title')}</Title>
        <Text c="dimmed">{t('observe.intro')}</Text>
      </div>
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="md">
            <CaptureForm autoFocus />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <MyObservations />
        </Grid.Col>
      </Grid>
    </Stack>
  )
}
