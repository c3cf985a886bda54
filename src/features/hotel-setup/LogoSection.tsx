import { Alert, Box, Button, FileInput, Group, Image, Paper, Stack, Text, Title } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { logoProblem, logoRefusal, maxLogoBytes, type Problem } from './hotel-setup-form'

/** A file as a data: URL (the renderer's CSP allows data: images; core accepts the URL as it is). */
function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'))
    reader.readAsDataURL(file)
  })
}

/**
 * The logo printed cards carry: PNG or JPEG up to 256 KB, checked here by its first bytes (and
 * again by core), previewed as stored, and removable. A refused file leaves the logo as it was.
 */
export function LogoSection({ logo }: { logo: { mime: string; base64: string } | null }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [file, setFile] = useState<File | null>(null)
  const [problem, setProblem] = useState<Problem | null>(null)
  const [done, setDone] = useState('')
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['hotel-profile'] })
  const upload = useMutation({
    mutationFn: async (chosen: File) => call('hotel.setLogo', { base64: await readAsDataUrl(chosen), fileName: chosen.name.slice(0, 200) }),
    onSuccess: async (saved) => {
      setDone(t('hotelSetup.logo.saved', { kilobytes: Math.ceil(saved.bytes / 1024) }))
      setFile(null)
      await refresh()
    },
  })
  const remove = useMutation({
    mutationFn: () => call('hotel.clearLogo', {}),
    onSuccess: async () => {
      setDone(t('hotelSetup.logo.removed'))
      await refresh()
    },
  })
  const choose = async (chosen: File | null) => {
    setFile(chosen)
    setDone('')
    upload.reset()
    remove.reset()
    setProblem(null)
    if (!chosen) return
    const head = new Uint8Array(await chosen.slice(0, 16).arrayBuffer())
    const found = logoProblem({ size: chosen.size, head })
    setProblem(found)
    if (!found) upload.mutate(chosen)
  }
  const refusal = upload.error instanceof ApiError && upload.error.code === 'LOGO_FILE' ? logoRefusal(upload.error.details) : null
  const shown = problem ?? refusal
  const fieldError = shown ? t(`hotelSetup.problems.${shown.key}`, shown.values) : upload.isError ? errorMessage(t, upload.error) : undefined
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="logo-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="logo-title">{t('hotelSetup.logo.title')}</Title>
        <Text size="sm" c="dimmed">{t('hotelSetup.logo.intro', { max: maxLogoBytes / 1024 })}</Text>
        <Group align="flex-start" gap="lg" wrap="wrap">
          <Box w={200} maw="100%">
            {logo ? (
              <Image src={`data:${logo.mime};base64,${logo.base64}`} alt={t('hotelSetup.logo.alt')} fit="contain" h={120} w="auto" maw={200} data-testid="logo-preview" />
            ) : (
              <Text size="sm" c="dimmed" data-testid="logo-none">{t('hotelSetup.logo.none')}</Text>
            )}
          </Box>
          <Stack gap="xs" style={{ flex: 1, minWidth: 220 }}>
            <FileInput
              label={t('hotelSetup.logo.choose')}
              description={t('hotelSetup.logo.hint', { max: maxLogoBytes / 1024 })}
              accept="image/png,image/jpeg"
              value={file}
              onChange={(f) => void choose(f)}
              error={fieldError}
              clearable
              data-testid="logo-file"
            />
            {logo ? (
              <Group>
                <Button variant="default" size="xs" onClick={() => remove.mutate()} loading={remove.isPending}>{t('hotelSetup.logo.remove')}</Button>
              </Group>
            ) : null}
            {remove.isError ? <Alert color="red" role="alert">{errorMessage(t, remove.error)}</Alert> : null}
          </Stack>
        </Group>
        <Text size="sm" role="status" data-testid="logo-status">{upload.isPending ? t('hotelSetup.logo.uploading') : done}</Text>
      </Stack>
    </Paper>
  )
}
