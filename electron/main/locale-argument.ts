const prefix = '--zhike-locale='
const localePattern = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,3}$/

/** A BCP 47-ish tag, or 'en' when the system gives nothing usable. */
export function cleanLocale(locale: string | null | undefined): string {
  return locale && localePattern.test(locale) ? locale.replace(/_/g, '-') : 'en'
}

/** The argument the main process hands the sandboxed preload (it cannot ask the OS itself). */
export function localeArgument(locale: string): string {
  return prefix + cleanLocale(locale)
}

/** Reads the locale back from the renderer process's argv, in the preload. */
export function localeFromArgv(argv: readonly string[] | undefined): string {
  const argument = (argv ?? []).find((a) => a.startsWith(prefix))
  return cleanLocale(argument?.slice(prefix.length))
}
