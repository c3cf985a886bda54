import { notifications } from '@mantine/notifications'
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react'
import type { Actor } from '../../electron/core/context'
import { ApiError, call, onSessionLost } from '../api/client'
import { queryKeysFor } from '../api/event-queries'
import { onLiveSignal, startLive, stopLive, subscribe } from '../api/live-events'

interface SessionValue {
  staff: Actor | null
  loading: boolean
  /** The hub ended the session (expired, revoked, refused the stream): the sign-in screen says so. */
  ended: boolean
  refresh: () => Promise<unknown>
  signOut: () => Promise<void>
}

const SessionContext = createContext<SessionValue | null>(null)

/** What survives a lost session: who is signed in (no one) and the hotel's public set-up. */
const keptAfterSignOut = new Set(['session', 'setup'])

function forgetPersonalData(queryClient: QueryClient): void {
  queryClient.setQueryData(['session'], { staff: null })
  queryClient.removeQueries({ predicate: (query) => !keptAfterSignOut.has(String(query.queryKey[0])) })
  notifications.clean()
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient()
  const session = useQuery({ queryKey: ['session'], queryFn: () => call('session.current', {}) })
  const staff = session.data?.staff ?? null
  const [ended, setEnded] = useState(false)
  /** Signing out on purpose: the stream's end and the calls refused meanwhile are expected. */
  const leaving = useRef(false)
  const signedIn = useRef<number | null>(null)

  // The session was lost without the person signing out: forget what was shown, go to sign-in, say why.
  const lose = useRef(() => {})
  lose.current = () => {
    if (leaving.current || signedIn.current === null) return
    signedIn.current = null
    stopLive()
    forgetPersonalData(queryClient)
    setEnded(true)
  }

  const staffId = staff?.staffId ?? null
  // A temporary PIN opens nothing but the PIN change: no live stream until a new PIN is chosen.
  const mustChangePin = staff?.mustChangePin === true
  useEffect(() => {
    if (staffId !== null && mustChangePin) {
      signedIn.current = staffId
      setEnded(false)
      stopLive()
    } else if (staffId !== null) {
      signedIn.current = staffId
      setEnded(false)
      startLive()
    } else {
      // A refetch found no session (it expired while the stream was quiet).
      lose.current()
      stopLive()
    }
  }, [staffId, mustChangePin])

  useEffect(() => onSessionLost(() => lose.current()), [])
  // Core answered PIN_CHANGE_REQUIRED (reset, or promoted to a role that needs a longer PIN): ask who we are, which shows the PIN change.
  const refetchSession = session.refetch
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type === 'updated' && event.action.type === 'error' && event.action.error instanceof ApiError && event.action.error.code === 'PIN_CHANGE_REQUIRED') void refetchSession()
      }),
    [queryClient, refetchSession],
  )
  useEffect(
    () =>
      onLiveSignal((signal) => {
        if (signal === 'signedOut') lose.current()
        // The stream (re)opened, or the hub's log no longer reaches back to our last event: refetch everything.
        else void queryClient.invalidateQueries()
      }),
    [queryClient],
  )
  // Every screen refetches what an event touched (the keys are in api/event-queries.ts).
  useEffect(
    () =>
      subscribe((event) => {
        for (const queryKey of queryKeysFor(event)) void queryClient.invalidateQueries({ queryKey })
      }),
    [queryClient],
  )

  const value: SessionValue = {
    staff,
    loading: session.isLoading,
    ended,
    refresh: () => session.refetch(),
    signOut: async () => {
      leaving.current = true
      stopLive()
      try {
        await call('session.signOut', {})
      } catch (error) {
        // Still signed in (the hub could not be reached): keep the board live.
        leaving.current = false
        startLive()
        throw error
      }
      signedIn.current = null
      queryClient.clear()
      await session.refetch()
      leaving.current = false
    },
  }
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext)
  if (!value) throw new Error('useSession outside SessionProvider')
  return value
}
