// Repairs paid from the repair fund (维修资金) and the withdrawals the
// committee published for them: finding the withdrawal a reference names in
// this community's published reports, and listing them all with the repairs
// already linked to each.
import { withdrawalStatuses } from '../../domain/disclosure/trace'
import { parseWithdrawalRef, withdrawalNamed, withdrawalRef, withdrawalsOf, type PublishedWithdrawal } from '../../domain/disclosure/withdrawal-ref'
import type { FundWithdrawalView } from '../../contracts/repairs'
import { knownDecisions } from './disclosure-service'
import type { Ports } from './ports'

/** Quarters looked back over when listing: ten years of quarterly reports. */
const QUARTERS_LISTED = 40

/** The withdrawal `ref` names in the newest published version of its quarter in this community, or null. */
export async function publishedWithdrawal(ports: Ports, communityId: string, ref: string): Promise<PublishedWithdrawal | null> {
  const parsed = parseWithdrawalRef(ref)
  if (!parsed) return null
  const versions = await ports.disclosure.versions(communityId, parsed.quarter)
  const newest = versions[versions.length - 1]
  return newest ? withdrawalNamed(ref, newest.quarter, newest.report) : null
}

/** Every withdrawal of the community's published reports, newest quarter first, with its motion and linked repair numbers. */
export async function fundWithdrawals(ports: Ports, communityId: string): Promise<FundWithdrawalView[]> {
  const [versions, links] = await Promise.all([ports.disclosure.latestVersions(communityId, QUARTERS_LISTED), ports.repairs.fundLinks(communityId)])
  const views: FundWithdrawalView[] = []
  for (const v of versions) {
    const statuses = withdrawalStatuses(v.report, await knownDecisions(ports, communityId, v.report))
    withdrawalsOf(v.quarter, v.report).forEach((w, i) => {
      const s = statuses[i]
      views.push({
        ref: w.ref,
        quarter: w.quarter,
        position: w.position,
        label: w.label,
        amount: w.amount,
        motion: s.state === 'authorised' ? { id: s.motionId, title: s.title } : null,
        linkedRepairs: links.filter((l) => l.withdrawalId === w.ref).map((l) => l.no),
      })
    })
  }
  return views
}

/** For the newest version of a quarter: the repair numbers linked to each of its `count` withdrawals, in order. */
export async function repairsByWithdrawal(ports: Ports, communityId: string, quarter: string, count: number): Promise<number[][]> {
  const links = await ports.repairs.fundLinks(communityId)
  return Array.from({ length: count }, (_, i) => links.filter((l) => l.withdrawalId === withdrawalRef(quarter, i + 1)).map((l) => l.no))
}
