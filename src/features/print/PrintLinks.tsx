import { Button, VisuallyHidden, type ButtonProps } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/**
 * Opens a print route. In a browser, a new tab (the screen the user is on stays as it was); inside
 * the desktop app, whose windows open no others, the same window (the print view has a Back link).
 */
function PrintLink({ href, label, testId, ...props }: { href: string; label: string; testId: string } & ButtonProps) {
  const { t } = useTranslation()
  const desktop = typeof window !== 'undefined' && window.zhike !== undefined
  return (
    <Button component="a" href={href} target={desktop ? undefined : '_blank'} rel={desktop ? undefined : 'noopener'} variant="default" data-testid={testId} {...props}>
      {label}
      {desktop ? null : <VisuallyHidden> {t('print.opensNewTab')}</VisuallyHidden>}
    </Button>
  )
}

/** "Print card" on a guest's profile: `#/print/card/<guestId>`. */
export function PrintCardButton({ guestId, ...props }: { guestId: number } & ButtonProps) {
  const { t } = useTranslation()
  return <PrintLink href={`#/print/card/${guestId}`} label={t('print.cardButton')} testId="print-card" {...props} />
}

/** "Briefing pack": the cards of today's arrivals, `#/print/briefing` (or the VIPs in house, `#/print/briefing/vip`). */
export function BriefingPackButton({ vip = false, ...props }: { vip?: boolean } & ButtonProps) {
  const { t } = useTranslation()
  return <PrintLink href={vip ? '#/print/briefing/vip' : '#/print/briefing'} label={t(vip ? 'print.briefingVipButton' : 'print.briefingButton')} testId={vip ? 'print-briefing-vip' : 'print-briefing'} {...props} />
}
