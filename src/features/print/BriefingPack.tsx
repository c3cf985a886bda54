import { useTranslation } from 'react-i18next'
import type { BriefingPack as Pack } from '../../../electron/core/guests/guest-print'
import type { PrintStamp } from '../../../electron/core/guests/guest-print.operations'
import { PrintedCard, type PrintWords } from './PrintedCard'
import { isHan, orderAlerts } from './print-layout'
import type { PrintHotel } from './use-print-data'
import css from './print.module.css'

/** The morning briefing: a first page listing the guests (room, dates, VIP, alerts), then one card per guest, each on a new page. */
export function BriefingPack({ pack, hotel, words, title }: { pack: Pack & PrintStamp; hotel: PrintHotel; words: PrintWords; title: string }) {
  const { t, i18n } = useTranslation()
  const hotelName = i18n.language.startsWith('zh') ? hotel.name.zh || hotel.name.en : hotel.name.en || hotel.name.zh
  return (
    <>
      <section className={`${css.sheet} ${css.cover}`} aria-labelledby="briefing-title" data-testid="briefing-cover">
        <header className={css.cardHeader}>
          <div className={css.hotel}>
            {hotel.logo ? <img className={css.logo} src={`data:${hotel.logo.mime};base64,${hotel.logo.base64}`} alt="" /> : null}
            <span lang={isHan(hotelName) ? 'zh' : undefined}>{hotelName}</span>
          </div>
          <div className={css.docTitle}>{t('print.guests', { count: pack.cards.length })}</div>
        </header>
        <h1 className={css.coverTitle} id="briefing-title">{title}</h1>
        {pack.total > pack.cards.length ? (
          <p role="note" data-testid="briefing-truncated"><strong>{t('print.truncated', { shown: pack.cards.length, total: pack.total, limit: pack.limit })}</strong></p>
        ) : null}
        {pack.cards.length === 0 ? (
          <p>{pack.kind === 'vip' ? t('print.emptyVip') : t('print.emptyArrivals', { date: words.date(pack.date) })}</p>
        ) : (
          <table className={css.table} aria-label={t('print.contents')}>
            <thead>
              <tr>
                <th scope="col">{t('print.column.room')}</th>
                <th scope="col">{t('print.column.guest')}</th>
                <th scope="col">{t('print.column.dates')}</th>
                <th scope="col">{t('print.column.vip')}</th>
                <th scope="col">{t('print.column.alerts')}</th>
              </tr>
            </thead>
            <tbody>
              {pack.cards.map((c) => (
                <tr key={c.guest.id}>
                  <td>{c.stay?.roomNumber ?? '—'}</td>
                  <td>
                    <span lang={isHan(c.guest.nativeName) ? 'zh' : undefined}>{c.guest.nativeName}</span>
                    {c.guest.romanName && c.guest.romanName !== c.guest.nativeName ? <span className={css.muted}> {c.guest.romanName}</span> : null}
                  </td>
                  <td>{c.stay ? t('print.stay.dates', { arrival: words.date(c.stay.arrival), departure: words.date(c.stay.departure) }) : ''}</td>
                  <td>{c.guest.vip > 0 ? c.guest.vip : ''}</td>
                  <td>
                    {[c.guest.restricted ? t('print.restricted') : null, ...orderAlerts(c.alerts).map((a) => t('preference.pair', { what: words.label(a.category, a.code), value: words.label(a.category, a.code, a.value) }))].filter(Boolean).join(t('print.listSeparator'))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <footer className={css.cardFooter}>{t('print.printedBy', { when: words.dateTime(pack.printedAt), name: pack.printedBy })}</footer>
      </section>
      {pack.cards.map((card) => (
        <PrintedCard key={card.guest.id} card={card} hotel={hotel} words={words} level={2} stamp={pack} idPrefix={`g${card.guest.id}`} />
      ))}
    </>
  )
}
