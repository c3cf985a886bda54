import { create } from 'qrcode'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { qrRuns } from './terminal-display'

const quietZone = 4

/** The address as a QR code, drawn as SVG rects (no data: URL, so the CSP stays strict). Black on white in either colour scheme. */
export function TerminalQrCode({ url, size = 200 }: { url: string; size?: number }) {
  const { t } = useTranslation()
  const code = useMemo(() => {
    const modules = create(url, { errorCorrectionLevel: 'M' }).modules
    return { width: modules.size + 2 * quietZone, runs: qrRuns(modules) }
  }, [url])
  return (
    <svg role="img" aria-label={t('settings.terminals.qr', { url })} viewBox={`0 0 ${code.width} ${code.width}`} width={size} height={size} shapeRendering="crispEdges" data-testid="terminal-qr">
      <rect width={code.width} height={code.width} fill="#fff" />
      {code.runs.map((r) => (
        <rect key={`${r.y}:${r.x}`} x={r.x + quietZone} y={r.y + quietZone} width={r.w} height={1} fill="#000" />
      ))}
    </svg>
  )
}
