// Repair lists, one request, settings and monthly numbers; every change
// reloads what it affects.
import {
  fetchFundWithdrawals, fetchRepairDetail, fetchRepairList, fetchRepairQueue, fetchRepairSettings, fetchRepairStats,
  sendRepairAreas, sendRepairCommitments, sendRepairConfirm, sendRepairHandle, sendRepairLinkFund, sendRepairReopen, sendRepairReport, sendRepairUrge, chooseAndUploadPhotos, photoUrl,
} from '../services/repairs'
import type { RepairDetail } from '../contracts/repairs'
import { createResourceStore, thenReload } from './resource'

export const repairListResource = createResourceStore(fetchRepairList)
export const repairDetailResource = createResourceStore(fetchRepairDetail)
export const repairSettingsResource = createResourceStore(fetchRepairSettings)
export const repairStatsResource = createResourceStore(fetchRepairStats)
/** Repair-fund withdrawals of the published reports (committee), with the repairs linked to each. */
export const fundWithdrawalsResource = createResourceStore(fetchFundWithdrawals)
/** The queue's first page; further pages are appended by the page itself. */
export const repairQueueResource = createResourceStore((communityId: string) => fetchRepairQueue(communityId))

export const REPAIR_RESOURCES = [repairListResource, repairDetailResource, repairSettingsResource, repairStatsResource, repairQueueResource, fundWithdrawalsResource]

/** After a change: the request as the server now sees it, and fresh lists. */
async function changed(communityId: string, detail: RepairDetail): Promise<RepairDetail> {
  repairDetailResource.store.setState((s) => ({ entries: { ...s.entries, [JSON.stringify([communityId, detail.id])]: { status: 'ready', data: detail, error: null } } }))
  await Promise.all([
    repairListResource.store.getState().reload(communityId, 'mine'),
    repairListResource.store.getState().reload(communityId, 'common'),
  ])
  return detail
}

type Args<F extends (input: never) => unknown> = Parameters<F>[0]

export const reportRepairRequest = async (input: Args<typeof sendRepairReport>) => changed(input.communityId, await sendRepairReport(input))
export const handleRepair = async (input: Args<typeof sendRepairHandle>) => {
  const d = await changed(input.communityId, await sendRepairHandle(input))
  await repairQueueResource.store.getState().reload(input.communityId)
  return d
}
export const confirmRepair = async (input: Args<typeof sendRepairConfirm>) => changed(input.communityId, await sendRepairConfirm(input))
export const reopenRepair = async (input: Args<typeof sendRepairReopen>) => changed(input.communityId, await sendRepairReopen(input))
export const linkRepairFund = async (input: Args<typeof sendRepairLinkFund>) => {
  const d = await changed(input.communityId, await sendRepairLinkFund(input))
  await fundWithdrawalsResource.store.getState().reload(input.communityId)
  return d
}
export const urgeRepair = async (input: Args<typeof sendRepairUrge>) => changed(input.communityId, await sendRepairUrge(input))
/** The committee's settings: what the report form offers changes with them. */
export const saveRepairCommitments = thenReload(sendRepairCommitments, repairSettingsResource)
export const saveRepairAreas = thenReload(sendRepairAreas, repairSettingsResource)
export { fetchRepairQueue, chooseAndUploadPhotos, photoUrl }
