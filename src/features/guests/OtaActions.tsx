import { Alert, Button, FileButton, Group, List, Menu, Stack } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'

function download(name: string, xml: string) {
  const url = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** The OpenTravel menu of a guest profile: export as OTA_ProfileReadRS, import an OpenTravel profile file. */
export function OtaActions({ guestId }: { guestId: number }) {
  const { t } = useTranslation()
  const queries = useQueryClient()
  const [notice, setNotice] = useState<{ color: string; text: string; items: string[] } | null>(null)
  const exportProfile = useMutation({
    mutationFn: () => call('guest.exportOta', { guestId }),
    onSuccess: (result) => {
      download(`guest-${guestId}-OTA_ProfileReadRS.xml`, result.xml)
      setNotice({ color: 'green', text: result.leftOut.length ? t('ota.exportedLeftOut', { count: result.leftOut.length }) : t('ota.exported'), items: result.leftOut })
    },
    onError: (error) => setNotice({ color: 'red', text: errorMessage(t, error), items: [] }),
  })
  const importProfile = useMutation({
    mutationFn: async (file: File) => call('guest.importOta', { xml: await file.text() }),
    onSuccess: (result) => {
      void queries.invalidateQueries()
      const created = result.guests.filter((g) => g.created).length
      setNotice({ color: 'green', text: t(`ota.imported.${result.kind}`, { created, updated: result.guests.length - created, preferences: result.preferences }), items: result.skipped })
    },
    onError: (error) => setNotice({ color: 'red', text: errorMessage(t, error), items: [] }),
  })
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Menu position="bottom-end">
          <Menu.Target>
            <Button variant="default" size="xs" loading={exportProfile.isPending || importProfile.isPending}>
              {t('ota.menu')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => exportProfile.mutate()}>{t('ota.export')}</Menu.Item>
          </Menu.Dropdown>
        </Menu>
        <FileButton accept=".xml,application/xml,text/xml" onChange={(file) => file && importProfile.mutate(file)}>
          {(props) => (
            <Button {...props} variant="subtle" size="xs">
              {t('ota.import')}
            </Button>
          )}
        </FileButton>
      </Group>
      {notice && (
        <Alert color={notice.color} role={notice.color === 'red' ? 'alert' : 'status'} withCloseButton onClose={() => setNotice(null)} closeButtonLabel={t('ota.close')}>
          {notice.text}
          {notice.items.length > 0 && (
            <List size="sm" mt="xs">
              {notice.items.slice(0, 20).map((item) => (
                <List.Item key={item}>{item}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
    </Stack>
  )
}
