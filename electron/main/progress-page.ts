import type { HostProgress } from '../core-host/protocol'
import { escapeHtml } from './connect-page'
import { desktopStrings, formatCount, type DesktopLanguage } from './desktop-strings'

/** What the progress window shows: the store opening, or the search index being rebuilt. */
export type StartStage = { step: 'opening' } | HostProgress

/** No scripts, nothing fetched: the page is one data: URL with its style inline. */
export const progressPagePolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

const css = `
:root { color-scheme: light dark; font: 15px/1.5 system-ui, "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; }
body { margin: 0; padding: 22px 26px; background: #f8f9fa; color: #212529; }
p { margin: 0 0 10px; }
.status { font-weight: 600; }
.hint { color: #495057; font-size: 0.9rem; }
progress { width: 100%; height: 10px; margin: 4px 0 12px; accent-color: #364fc7; }
@media (prefers-color-scheme: dark) { body { background: #1a1b1e; color: #e9ecef; } .hint { color: #adb5bd; } }
`.trim()

/** The sentence the window shows, e.g. "Preparing guest search… 12,000 of 200,000". */
export function progressText(language: DesktopLanguage, stage: StartStage): string {
  const s = desktopStrings(language)
  if (stage.step === 'opening') return s.openingStore
  return s.preparingSearch(formatCount(language, stage.done), formatCount(language, stage.total))
}

export function renderProgressPage(language: DesktopLanguage, stage: StartStage): string {
  const s = desktopStrings(language)
  const bar =
    stage.step === 'opening' || stage.total === 0
      ? '<progress aria-labelledby="status"></progress>'
      : `<progress aria-labelledby="status" max="${stage.total}" value="${stage.done}"></progress>`
  const hint = stage.step === 'search-index' ? `<p class="hint">${escapeHtml(s.preparingSearchHint)}</p>` : ''
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(progressPagePolicy)}">
<title>${escapeHtml(s.progressTitle)}</title>
<style>${css}</style>
</head>
<body>
<main>
<p class="status" id="status" role="status">${escapeHtml(progressText(language, stage))}</p>
${bar}
${hint}
</main>
</body>
</html>
`
}

/** The page as a data: URL, loaded again for each update (a few times a second at most). */
export function progressPageUrl(language: DesktopLanguage, stage: StartStage): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(renderProgressPage(language, stage))}`
}
