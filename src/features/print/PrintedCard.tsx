import { useTranslation } from 'react-i18next'
import type { PrintedCard as Card, PrintedPreference } from '../../../electron/core/guests/guest-print'
import { nationalityName } from '../checkin/nationality'
import { groupByCategory, isHan, nightsBetween, orderAlerts, provenanceText, stayHistory, type ProvenanceWords } from './print-layout'
import type { PrintHotel } from './use-print-data'
import css from './print.module.css'

export interface PrintWords extends ProvenanceWords {
  /** A vocabulary label: category, or category + code (+ value). */
  label: (category: string, code?: string, value?: string) => string
  categoryOrder: string[]
  /** A calendar date 'YYYY-MM-DD' in words. */
  date: (date: string) => string
  /** An instant in full, hotel time. */
  dateTime: (iso: string) => string
}

type Level = 1 | 2
const H = ({ level, className, id, children }: { level: number; className?: string; id?: string; children: React.ReactNode }) => {
  const Tag = `h${Math.min(level, 6)}` as 'h1'
  return <Tag className={className} id={id}>{children}</Tag>
}

function Native({ text }: { text: string }) {
  return <span lang={isHan(text) ? 'zh' : undefined}>{text}</span>
}

function StrengthTag({ strength }: { strength: string }) {
  const { t } = useTranslation()
  const strong = strength === 'required' || strength === 'never'
  return <span className={`${css.tag} ${strong ? css.tagStrong : ''}`}>{t(`strength.${strength}`, { defaultValue: strength })}</span>
}

function PreferenceLine({ p, words, alert }: { p: PrintedPreference; words: PrintWords; alert?: boolean }) {
  const { t } = useTranslation()
  const text = t('preference.pair', { what: words.label(p.category, p.code), value: words.label(p.category, p.code, p.value) })
  return (
    <li className={css.item} data-testid={alert ? 'print-alert' : 'print-preference'}>
      <span className={alert ? css.alertText : css.prefText}>{text}</span>
      <StrengthTag strength={p.strength} />
      {p.scope === 'stay' ? <span className={css.tag}>{t('print.thisStay')}</span> : null}
      {p.stale ? <span className={css.tag}>{t('print.stale')}</span> : null}
      {p.note ? <span className={css.note}>{p.note}</span> : null}
      <span className={css.provenance} data-testid="print-provenance">{provenanceText(p, words)}</span>
    </li>
  )
}

/** One guest on paper: who, alerts first, preferences by category with provenance, the stay, the history. */
export function PrintedCard({ card, hotel, words, level, stamp, idPrefix }: { card: Card; hotel: PrintHotel; words: PrintWords; level: Level; stamp: { printedAt: string; printedBy: string; businessDate: string }; idPrefix: string }) {
  const { t, i18n } = useTranslation()
  const { guest, stats, stay } = card
  const alerts = orderAlerts(card.alerts)
  const groups = groupByCategory(card.preferences, words.categoryOrder)
  const history = stayHistory(card.stays)
  const languageNames = new Intl.DisplayNames([i18n.language], { type: 'language' })
  const languageName = (code: string) => {
    try {
      return languageNames.of(code) ?? code
    } catch {
      return code
    }
  }
  const facts: [string, string | null][] = [
    ['nationality', nationalityName(guest.nationality, i18n.language)],
    ['languages', guest.languages.length ? guest.languages.map(languageName).join(t('print.listSeparator')) : null],
    ['homeCity', guest.homeCity],
    ['company', guest.company],
    ['occupation', guest.occupation],
  ]
  const shownFacts = facts.filter((f): f is [string, string] => Boolean(f[1]))
  const hotelName = i18n.language.startsWith('zh') ? hotel.name.zh || hotel.name.en : hotel.name.en || hotel.name.zh
  const titleId = `${idPrefix}-name`

  return (
    <article className={`${css.sheet} ${css.card}`} aria-labelledby={titleId} data-testid="printed-card" data-guest-id={guest.id}>
      <header className={css.cardHeader}>
        <div className={css.hotel}>
          {hotel.logo ? <img className={css.logo} src={`data:${hotel.logo.mime};base64,${hotel.logo.base64}`} alt="" /> : null}
          <span><Native text={hotelName} /></span>
        </div>
        <div className={css.docTitle}>
          {t('print.cardTitle')}
          <br />
          {words.date(stamp.businessDate)}
        </div>
      </header>

      <H level={level} className={css.name} id={titleId}>
        <Native text={guest.nativeName} />
        {guest.romanName && guest.romanName !== guest.nativeName ? <> <span className={css.roman}>{guest.romanName}</span></> : null}
      </H>
      <p className={css.badges}>
        {[guest.salutation ? t(`salutation.${guest.salutation}`, { defaultValue: guest.salutation }) : null, guest.vip > 0 ? t('print.vip', { level: guest.vip }) : null].filter(Boolean).join(' · ')}
        {guest.restricted ? <span className={`${css.tag} ${css.tagStrong}`}>{t('print.restricted')}</span> : null}
      </p>

      {stay ? (
        <div className={css.stayBox} data-testid="print-stay">
          <strong>{stay.roomNumber ? t(stay.status === 'reserved' ? 'print.stay.roomChosen' : 'print.stay.room', { room: stay.roomNumber }) : t('print.stay.noRoom')}</strong>
          {' · '}
          {t('print.stay.datesNights', { arrival: words.date(stay.arrival), departure: words.date(stay.departure), nights: t('print.stay.nights', { count: nightsBetween(stay.arrival, stay.departure) }) })}
          {stay.eta ? ` · ${t('print.stay.eta', { eta: stay.eta })}` : null}
          {' · '}
          {t('print.stay.party', { count: stay.party })}
          {' · '}
          {t(`status.${stay.status}`, { defaultValue: stay.status })}
          {' · '}
          <span className={css.muted}>{t('print.stay.booking', { number: stay.confirmationNo })}</span>
        </div>
      ) : null}

      <section className={alerts.length === 0 && !guest.restricted ? css.noAlerts : css.alerts} data-testid="print-alerts">
        <H level={level + 1} className={css.sectionTitle} id={`${idPrefix}-alerts`}>{t('print.alerts')}</H>
        {alerts.length === 0 && !guest.restricted ? <p className={css.muted}>{t('print.noAlerts')}</p> : null}
        <ul className={css.list}>
          {guest.restricted ? (
            <li className={css.item}>
              <span className={css.alertText}>{t('print.restricted')}</span>
              {guest.restrictionNote ? <span className={css.note}>{guest.restrictionNote}</span> : null}
            </li>
          ) : null}
          {alerts.map((a) => <PreferenceLine key={a.id} p={a} words={words} alert />)}
        </ul>
      </section>

      {shownFacts.length || guest.notes ? (
        <dl className={css.facts}>
          {shownFacts.map(([key, value]) => (
            <div key={key} style={{ display: 'contents' }}>
              <dt>{t(`print.fact.${key}`)}</dt>
              <dd><Native text={value} /></dd>
            </div>
          ))}
          {guest.notes ? (
            <>
              <dt>{t('print.fact.notes')}</dt>
              <dd>{guest.notes}</dd>
            </>
          ) : null}
        </dl>
      ) : null}

      <section className={css.section}>
        <H level={level + 1} className={css.sectionTitle} id={`${idPrefix}-prefs`}>{t('print.preferences')}</H>
        {groups.length === 0 ? <p className={css.muted}>{t('print.noPreferences')}</p> : null}
        <div className={css.groups}>
          {groups.map((g) => (
            <div key={g.category} className={css.group} data-testid={`print-category-${g.category}`}>
              <H level={level + 2} className={css.groupTitle}>{g.other ? t('print.other') : words.label(g.category)}</H>
              <ul className={css.list}>
                {g.items.map((p) => <PreferenceLine key={p.id} p={p} words={words} />)}
              </ul>
            </div>
          ))}
        </div>
      </section>

      <section className={css.section}>
        <H level={level + 1} className={css.sectionTitle} id={`${idPrefix}-history`}>{t('print.history.title')}</H>
        <p>
          {stats.stays > 0
            ? t('print.history.summary', {
                stays: t('card.stays', { count: stats.stays }),
                nights: t('print.stay.nights', { count: stats.nights }),
                first: stats.firstStay ? words.date(stats.firstStay) : '',
                last: stats.lastStay ? words.date(stats.lastStay) : '',
              })
            : t('print.history.firstVisit')}
        </p>
        {history.rows.length === 0 ? (
          <p className={css.muted}>{t('print.history.none')}</p>
        ) : (
          <table className={css.table}>
            <thead>
              <tr>
                <th scope="col">{t('print.history.arrival')}</th>
                <th scope="col">{t('print.history.departure')}</th>
                <th scope="col">{t('print.history.nights')}</th>
                <th scope="col">{t('print.history.room')}</th>
                <th scope="col">{t('print.history.status')}</th>
              </tr>
            </thead>
            <tbody>
              {history.rows.map((s) => (
                <tr key={s.id}>
                  <td>{words.date(s.arrival)}</td>
                  <td>{words.date(s.departure)}</td>
                  <td>{nightsBetween(s.arrival, s.departure)}</td>
                  <td>{s.roomNumber ?? '—'}</td>
                  <td>{t(`status.${s.status}`, { defaultValue: s.status })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {history.more > 0 ? <p className={css.muted}>{t('print.history.more', { count: history.more })}</p> : null}
      </section>

      <footer className={css.cardFooter}>{t('print.printedBy', { when: words.dateTime(stamp.printedAt), name: stamp.printedBy })}</footer>
    </article>
  )
}
