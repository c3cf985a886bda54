import { Alert, Button, Center, Loader, Stack, Text, VisuallyHidden } from '@mantine/core'
import { Component, Suspense, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** Shown while the session or a screen's code arrives: a spinner, and words for screen readers. */
export function ScreenLoading({ fullPage = false }: { fullPage?: boolean }) {
  const { t } = useTranslation()
  return (
    <Center h={fullPage ? '100vh' : undefined} py="xl" component={fullPage ? 'main' : 'div'}>
      <div role="status">
        <Loader aria-hidden />
        <VisuallyHidden>{t('app.loading')}</VisuallyHidden>
      </div>
    </Center>
  )
}

function ScreenFailed({ fullPage = false }: { fullPage?: boolean }) {
  const { t } = useTranslation()
  return (
    <Center py="xl" px="md" component={fullPage ? 'main' : 'div'}>
      <Alert color="red" role="alert" maw={480}>
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{t('screens.failed')}</Text>
          <Button onClick={() => window.location.reload()}>{t('screens.reload')}</Button>
        </Stack>
      </Alert>
    </Center>
  )
}

/**
 * A lazily loaded screen: a loading state while its chunk arrives, and a way out when it cannot
 * (the network dropped, or the hub was updated and the old chunk is gone; a reload fetches the new one).
 */
export class LazyScreen extends Component<{ children: ReactNode; fullPage?: boolean }, { failed: boolean }> {
  state = { failed: false }

  static getDerivedStateFromError() {
    return { failed: true }
  }

  render() {
    if (this.state.failed) return <ScreenFailed fullPage={this.props.fullPage} />
    return <Suspense fallback={<ScreenLoading fullPage={this.props.fullPage} />}>{this.props.children}</Suspense>
  }
}
