import { CasePage } from './CasePage'
import { CasesList } from './CasesList'

/** #/recovery (the cases) and #/recovery/<id> (one case). */
export function RecoveryPage({ caseId }: { caseId?: string }) {
  return caseId ? <CasePage caseId={Number(caseId)} /> : <CasesList />
}
