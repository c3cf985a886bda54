import { useQuery, useQueryClient } from '@tanstack/react-query'
import { createContext, useContext, useEffect, type ReactNode } from 'react'
import type { Actor } from '../../electron/core/context'
import { call, connectEvents, disconnectEvents } from '../api/client'

interface SessionValue {
  staff: Actor | null
  loading: boolean
  refresh: () => Promise<unknown>
  signOut: () => Promise<void>
}

const SessionContext = createContext<SessionValue | null>(null)

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient()
  const session = useQuery({ queryKey: ['session'], queryFn: () => call('session.current', {}) })
  const staff = session.data?.staff ?? null

  useEffect(() => {
    if (staff) connectEvents()
    else disconnectEvents()
  }, [staff])

  const value: SessionValue = {
    staff,
    loading: session.isLoading,
    refresh: () => session.refetch(),
    signOut: async () => {
      await call('session.signOut', {})
      disconnectEvents()
      queryClient.clear()
      await session.refetch()
    },
  }
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext)
  if (!value) throw new Error('useSession outside SessionProvider')
  return value
}
