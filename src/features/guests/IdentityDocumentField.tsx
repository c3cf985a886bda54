import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { DocumentType, MaskedDocument } from '../../../electron/core/guests/identity-document'
import { ApiError, call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { useSession } from '../../app/session'
import { seesWholeDocuments } from '../../app/role-abilities'

/** Every document type, in the order the list offers them (the compiler checks none is missing). */
const documentTypes = Object.keys({
  resident_id: true,
  passport: true,
  hk_macao_permit: true,
  taiwan_permit: true,
  foreign_permanent_resident: true,
  other: true,
} satisfies Record<DocumentType, true>) as DocumentType[]

/** Why the store refused the number (identity-document.ts#DocumentProblem), from a VALIDATION error. */
function documentReason(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION') return null
  const issues = ((error.details ?? {}) as { issues?: { path: string; reason?: string }[] }).issues ?? []
  return issues.find((i) => i.path.endsWith('documentNo') && i.reason)?.reason ?? null
}

/**
 * An identity document in the details form: its type, and a new number typed in (the form never
 * holds the number on file: the card has only its last four characters). Roles with
 * 'guest.document' may show the whole number (guest.document: every view is audited).
 */
export function IdentityDocumentField(props: {
  guestId: number
  onFile: MaskedDocument | null
  type: string | null
  number: string
  remove: boolean
  saveError: unknown
  onType: (type: string | null) => void
  onNumber: (number: string) => void
  onRemove: (remove: boolean) => void
}) {
  const { t } = useTranslation()
  const { staff } = useSession()
  const mayShow = !!staff && seesWholeDocuments(staff.role) && props.onFile !== null
  const whole = useMutation({ mutationFn: () => call('guest.document', { guestId: props.guestId }) })
  const reason = documentReason(props.saveError)
  const error = reason ? t(`privacy.documentError.${reason}`, { defaultValue: t('invalid.default') }) : undefined
  return (
    <Stack gap={6}>
      <Select
        label={t('privacy.document.type')}
        data={documentTypes.map((v) => ({ value: v, label: t(`privacy.documentType.${v}`) }))}
        value={props.type}
        onChange={props.onType}
        clearable={props.onFile === null}
        disabled={props.remove}
        placeholder={t('privacy.document.none')}
      />
      <TextInput
        label={t('privacy.document.number')}
        value={props.number}
        onChange={(e) => props.onNumber(e.currentTarget.value)}
        placeholder={props.onFile?.masked}
        description={props.remove ? t('privacy.document.removing') : props.onFile ? t('privacy.document.onFile', { masked: props.onFile.masked }) : undefined}
        error={error}
        disabled={props.remove}
        autoComplete="off"
        spellCheck={false}
        data-testid="document-number"
      />
      {props.onFile ? (
        <Group gap="xs">
          {mayShow ? (
            whole.data ? (
              <Button size="compact-xs" variant="subtle" onClick={() => whole.reset()}>{t('privacy.document.hide')}</Button>
            ) : (
              <Button size="compact-xs" variant="subtle" onClick={() => whole.mutate()} loading={whole.isPending}>{t('privacy.document.show')}</Button>
            )
          ) : null}
          <Button size="compact-xs" variant="subtle" color={props.remove ? undefined : 'red'} onClick={() => props.onRemove(!props.remove)}>
            {props.remove ? t('privacy.document.keep') : t('privacy.document.remove')}
          </Button>
        </Group>
      ) : null}
      <div aria-live="polite">
        {whole.data ? (
          <Text size="sm" ff="monospace" data-testid="document-whole">
            {t('privacy.document.whole', { number: whole.data.number })}
          </Text>
        ) : null}
        {whole.data ? <Text size="xs" c="dimmed">{t('privacy.document.shownLogged')}</Text> : null}
        {whole.isError ? <Text size="sm" c="red" role="alert">{errorMessage(t, whole.error)}</Text> : null}
      </div>
    </Stack>
  )
}
