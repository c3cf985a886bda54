import { useQuery } from '@tanstack/react-query'
import { call } from '../../api/client'
import type { DeskMode } from './desk-actions'

/**
 * The hotel's mode (standalone, or beside a PMS), as the desk's buttons follow it. Keyed as the
 * PMS settings section keys it, so changing the mode there changes the desk at once.
 */
export function useDeskMode(): DeskMode | undefined {
  return useQuery({ queryKey: ['pms-settings'], queryFn: () => call('pms.settings', {}), staleTime: 60_000 }).data?.mode
}
