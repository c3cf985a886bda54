import { Alert, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { DepartmentPromiseForm } from './DepartmentPromiseForm'

/** Promises and escalation (managers): per department, minutes to acknowledge and to complete, and whom to tell when a promise is broken. */
export function PromisesSection() {
  const { t } = useTranslation()
  const departments = useQuery({ queryKey: ['escalation-steps'], queryFn: () => call('escalation.steps', {}) })
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="promises-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="promises-title">{t('settings.promises.title')}</Title>
        <Text size="sm" c="dimmed">{t('settings.promises.intro')}</Text>
        {departments.isLoading ? <Loader aria-label={t('app.loading')} /> : null}
        {departments.isError ? <Alert color="red" role="alert">{errorMessage(t, departments.error)}</Alert> : null}
        {(departments.data ?? []).map((d) => (
          <DepartmentPromiseForm key={d.department} department={d} />
        ))}
      </Stack>
    </Paper>
  )
}
