import { useSyncExternalStore } from 'react'

/** Hash routing works the same under file:// (Electron) and over HTTP (the hub). */
function read(): string[] {
  return window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent)
}

let current = read()
let currentKey = current.join('/')
const listeners = new Set<() => void>()
window.addEventListener('hashchange', () => {
  current = read()
  currentKey = current.join('/')
  listeners.forEach((l) => l())
})

export function useRoute(): string[] {
  useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => currentKey,
  )
  return current
}

export function navigate(...parts: string[]): void {
  window.location.hash = `#/${parts.map(encodeURIComponent).join('/')}`
}
