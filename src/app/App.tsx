import { MantineProvider, localStorageColorSchemeManager } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Screens } from './Screens'
import { SessionProvider } from './session'
import { cssVariablesResolver, themeIn } from './theme'

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false }, mutations: { retry: false } },
})
const colorSchemeManager = localStorageColorSchemeManager({ key: 'zhike.color-scheme' })

export function App() {
  const { i18n, t } = useTranslation()
  useEffect(() => {
    document.documentElement.lang = i18n.language
    document.title = t('app.title')
  }, [i18n.language, t])
  const theme = useMemo(() => themeIn(t('notice.closeDialog')), [t, i18n.language])
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} colorSchemeManager={colorSchemeManager} defaultColorScheme="light">
      <Notifications position="bottom-right" limit={3} />
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <Screens />
        </SessionProvider>
      </QueryClientProvider>
    </MantineProvider>
  )
}
