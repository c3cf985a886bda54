import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../app/session'
import { Dialog } from '../../components/Dialog'
import { notify } from '../../components/notify'
import { ChangePinForm } from './ChangePinForm'

/** "Change my PIN", from the account menu of every screen (the desk and the department boards). */
export function ChangePinDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const { staff } = useSession()
  if (!staff) return null
  return (
    <Dialog opened={opened} onClose={onClose} title={t('pinChange.title')} centered>
      <Text size="sm" c="dimmed" mb="sm">{t('pinChange.intro')}</Text>
      {opened ? (
        <ChangePinForm
          staff={staff}
          onCancel={onClose}
          onChanged={() => {
            notify({ color: 'green', message: t('pinChange.done') })
            onClose()
          }}
        />
      ) : null}
    </Dialog>
  )
}
