import { Alert, Anchor, List, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { GuestRecoveryHistory } from '../../../electron/core/recovery/recovery.types'
import { useDepartmentName } from '../../api/reference-data'
import { useHotelTime } from '../../app/hotel-time'
import { readsRecoveryCases } from '../../app/role-abilities'
import { useSession } from '../../app/session'
import { earlierCases } from './recovery-history'
import { formatMoney } from './recovery-money'

/**
 * On the desk's stay panel: "Had a problem last time" (how it was recovered) and any promise still
 * open ("we promised a quiet room"), so the clerk knows before the guest is at the counter.
 */
export function RecoveryFlags({ history, stayId }: { history: GuestRecoveryHistory | null; stayId: number | null }) {
  const { t, i18n } = useTranslation()
  const hotelTime = useHotelTime()
  const departmentName = useDepartmentName()
  const role = useSession().staff?.role
  const earlier = earlierCases(history, stayId)
  const promises = history?.openPromises ?? []
  if (earlier.length === 0 && promises.length === 0) return null
  const last = earlier[0]
  // How the last problem was recovered: the solution agreed and the compensation given.
  const how = last ? history?.howRecovered?.find((o) => o.caseId === last.id) : undefined
  return (
    <Alert color="orange" variant="light" styles={{ label: { color: "var(--mantine-color-text)" } }} title={promises.length > 0 ? t('recovery.flags.openPromise') : t('recovery.flags.lastTime')} data-testid="recovery-flags">
      {last ? (
        <Text size="sm">
          {t(last.recovered ? 'recovery.flags.lastTimeRecovered' : 'recovery.flags.lastTimeOpen', {
            category: t(`recovery.category.${last.category}`),
            date: hotelTime.day(last.raisedAt),
          })}{' '}
          {role && readsRecoveryCases(role) ? <Anchor href={`#/recovery/${last.id}`} size="sm">{t('recovery.flags.openCase')}</Anchor> : null}
        </Text>
      ) : null}
      {how?.solution ? <Text size="sm" data-testid="recovery-flags-solution">{t('recovery.flags.howSolved', { solution: how.solution })}</Text> : null}
      {how?.compensation ? (
        <Text size="sm" data-testid="recovery-flags-compensation">
          {t('recovery.flags.howCompensated', { kind: t(`recovery.compensation.${how.compensation.kind}`), value: formatMoney(how.compensation.valueMinor, how.compensation.currency, i18n.language) })}
        </Text>
      ) : null}
      {promises.length > 0 ? (
        <List size="sm" mt={4}>
          {promises.map((p) => (
            <List.Item key={`${p.caseId}-${p.text}`}>{t('recovery.flags.promise', { text: p.text, due: hotelTime.date(p.dueDate), department: departmentName(p.department) })}</List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  )
}
