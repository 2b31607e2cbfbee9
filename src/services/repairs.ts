// Client calls for repairs (报修).
import type { Api } from '../contracts/api'
import { call } from './cloud-client'

type In<K extends keyof Api> = Api[K]['input']

export const fetchRepairSettings = (communityId: string) => call('repair-settings', { communityId })
export const fetchRepairList = (communityId: string, scope: 'mine' | 'common') => call('repair-list', { communityId, scope })
export const fetchRepairDetail = (communityId: string, id: string) => call('repair-detail', { communityId, id })
export const fetchRepairQueue = (communityId: string, after: In<'repair-queue'>['after'] = null) => call('repair-queue', { communityId, after, limit: 20 })
export const fetchRepairStats = (communityId: string, month: string) => call('repair-stats', { communityId, month })
export const sendRepairReport = (input: In<'repair-report'>) => call('repair-report', input)
export const sendRepairHandle = (input: In<'repair-handle'>) => call('repair-handle', input)
export const sendRepairConfirm = (input: In<'repair-confirm'>) => call('repair-confirm', input)
export const sendRepairReopen = (input: In<'repair-reopen'>) => call('repair-reopen', input)
export const sendRepairUrge = (input: In<'repair-urge'>) => call('repair-urge', input)
export const sendRepairLinkFund = (input: In<'repair-link-fund'>) => call('repair-link-fund', input)
export const sendRepairCommitments = (input: In<'repair-commitments-set'>) => call('repair-commitments-set', input)
export const sendRepairAreas = (input: In<'repair-areas-set'>) => call('repair-areas-set', input)
export const fetchFundWithdrawals = (communityId: string) => call('repair-fund-withdrawals', { communityId })

// Photos are shared with other areas (委托书, paper ballots): one place for picking, compressing and uploading.
export { chooseAndUploadPhotos, photoUrl } from './photos'
