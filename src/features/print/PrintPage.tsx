import '@fontsource/noto-sans-sc/400.css'
import '@fontsource/noto-sans-sc/700.css'
import { Alert, Anchor, Button } from '@mantine/core'
import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { call, desktopFiles } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { LanguageSelect } from '../../components/LanguageSelect'
import { notify } from '../../components/notify'
import { BriefingPack } from './BriefingPack'
import { PrintedCard } from './PrintedCard'
import { usePrintCall, usePrintHotel, usePrintReady, usePrintWords } from './use-print-data'
import css from './print.module.css'

/** Back to the screen that opened the print view; a tab of its own has nowhere to go back to, so check-in. */
function back(e: MouseEvent) {
  if (window.history.length > 1) {
    e.preventDefault()
    window.history.back()
  }
}

/** On the desktop: print this page to an A4 PDF (Electron's printToPDF) and save it where the person chooses. */
async function saveAsPdf(t: TFunction): Promise<void> {
  const files = desktopFiles()
  if (!files) return
  try {
    const answer = await files.savePdf(document.title || 'Zhike')
    if (answer.saved) notify({ color: 'green', message: t('print.saved', { fileName: answer.fileName }) })
  } catch (error) {
    notify({ color: 'red', title: t('print.notSaved'), message: errorMessage(t, error) })
  }
}

/**
 * The screen-only bar: back, language, and the print button (window.print: the browser's dialog
 * saves a PDF too); on the desktop also "Save as PDF…", straight to a file.
 */
function Toolbar({ ready }: { ready: boolean }) {
  const { t } = useTranslation()
  const desktop = desktopFiles() !== null
  return (
    <div className={css.toolbar} role="region" aria-label={t('print.toolbar')}>
      <Anchor href="#/checkin" onClick={back} size="sm">← {t('print.back')}</Anchor>
      <LanguageSelect />
      <Button onClick={() => window.print()} disabled={!ready} data-testid="print-button">{t('print.printButton')}</Button>
      {desktop ? (
        <Button variant="light" onClick={() => void saveAsPdf(t)} disabled={!ready}>
          {t('print.savePdf')}
        </Button>
      ) : null}
      <span className={css.toolbarStatus} role="status">{ready ? t('print.hint') : t('print.preparing')}</span>
    </div>
  )
}

function Frame({ children, ready, failed, loaded, title }: { children: ReactNode; ready: boolean; failed?: unknown; loaded: boolean; title: string }) {
  const { t } = useTranslation()
  useEffect(() => {
    const before = document.title
    if (title) document.title = title // the browser's "Save as PDF" offers it as the file name
    return () => {
      document.title = before
    }
  }, [title])
  return (
    <div className={css.page}>
      <Toolbar ready={ready} />
      <main>
        {failed !== undefined ? (
          <div className={css.message}>
            <h1>{t('print.failed')}</h1>
            <Alert color="red" role="alert">{errorMessage(t, failed)}</Alert>
          </div>
        ) : null}
        {loaded ? children : null}
      </main>
    </div>
  )
}

function CardPrint({ guestId }: { guestId: number }) {
  const { i18n } = useTranslation()
  const root = useRef<HTMLDivElement>(null)
  const printed = usePrintCall(`card:${guestId}`, () => call('guest.printCard', { guestId }))
  const { words, ready: wordsReady } = usePrintWords()
  const { hotel, settled } = usePrintHotel()
  const loaded = printed.state === 'done' && wordsReady && settled
  const state = usePrintReady(root, loaded, printed.state === 'failed', i18n.language)
  const value = printed.state === 'done' ? printed.value : null
  return (
    <Frame ready={state === 'ready'} loaded={loaded} failed={printed.state === 'failed' ? printed.error : undefined} title={value ? `${value.card.guest.nativeName} — ${words.t('print.cardTitle')}` : ''}>
      <div ref={root} data-print-ready={state === 'ready' ? 'true' : state}>
        {value ? <PrintedCard card={value.card} hotel={hotel} words={words} level={1} stamp={value} idPrefix={`g${value.card.guest.id}`} /> : null}
      </div>
    </Frame>
  )
}

function BriefingPrint({ kind }: { kind: 'arrivals' | 'vip' }) {
  const { i18n } = useTranslation()
  const root = useRef<HTMLDivElement>(null)
  const pack = usePrintCall(`briefing:${kind}`, () => call('guest.briefingPack', { kind }))
  const { words, ready: wordsReady } = usePrintWords()
  const { hotel, settled } = usePrintHotel()
  const loaded = pack.state === 'done' && wordsReady && settled
  const state = usePrintReady(root, loaded, pack.state === 'failed', i18n.language)
  const value = pack.state === 'done' ? pack.value : null
  const title = value ? words.t(kind === 'vip' ? 'print.vipTitle' : 'print.briefingTitle', { date: words.date(value.date) }) : ''
  return (
    <Frame ready={state === 'ready'} loaded={loaded} failed={pack.state === 'failed' ? pack.error : undefined} title={title}>
      <div ref={root} data-print-ready={state === 'ready' ? 'true' : state}>
        {value ? <BriefingPack pack={value} hotel={hotel} words={words} title={title} /> : null}
      </div>
    </Frame>
  )
}

/**
 * A printed guest card (`#/print/card/<guestId>`) or the morning briefing pack
 * (`#/print/briefing` for today's arrivals, `#/print/briefing/vip` for the VIPs in house): A4
 * pages without the app's menu, ready for window.print() or Electron's printToPDF once
 * `<html data-print-ready="true">`.
 */
export function PrintPage({ what, id }: { what?: string; id?: string }) {
  const { t } = useTranslation()
  const guestId = Number(id)
  if (what === 'card' && Number.isInteger(guestId) && guestId > 0) return <CardPrint key={guestId} guestId={guestId} />
  if (what === 'briefing' && (id === undefined || id === 'arrivals' || id === 'vip')) return <BriefingPrint key={id ?? 'arrivals'} kind={id === 'vip' ? 'vip' : 'arrivals'} />
  return (
    <main className={css.message}>
      <h1>{t('print.toolbar')}</h1>
      <Alert color="yellow" role="alert">{t('print.notFound')}</Alert>
      <Anchor href="#/checkin">← {t('print.back')}</Anchor>
    </main>
  )
}
