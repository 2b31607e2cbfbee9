// The map from cloud-function name to its input and answer types. The client
// imports it as types only; each capability adds its own interface here.
import type { z } from 'zod'
import type * as identity from './identity'
import type * as repairs from './repairs'

export type Fn<I extends z.ZodTypeAny, O> = { input: z.input<I>; output: O }

export interface IdentityApi {
  ping: Fn<typeof identity.pingInput, identity.PingOutput>
  me: Fn<typeof identity.meInput, identity.MeOutput>
  'role-grant': Fn<typeof identity.roleGrantInput, identity.RoleChangeOutput>
  'role-revoke': Fn<typeof identity.roleRevokeInput, identity.RoleChangeOutput>
  'audit-log': Fn<typeof identity.auditLogInput, identity.AuditLogOutput>
  'community-overview': Fn<typeof identity.communityOverviewInput, identity.CommunityOverview>
  'community-people': Fn<typeof identity.communityPeopleInput, identity.CommunityPerson[]>
  'file-upload': Fn<typeof identity.fileUploadInput, identity.UploadedFile>
}

export interface RepairsApi {
  'repair-settings': Fn<typeof repairs.repairSettingsInput, repairs.RepairSettingsOutput>
  'repair-report': Fn<typeof repairs.repairReportInput, repairs.RepairChangeOutput>
  'repair-list': Fn<typeof repairs.repairListInput, repairs.RepairSummary[]>
  'repair-detail': Fn<typeof repairs.repairDetailInput, repairs.RepairDetail>
  'repair-queue': Fn<typeof repairs.repairQueueInput, repairs.RepairQueueOutput>
  'repair-handle': Fn<typeof repairs.repairHandleInput, repairs.RepairChangeOutput>
  'repair-confirm': Fn<typeof repairs.repairConfirmInput, repairs.RepairChangeOutput>
  'repair-reopen': Fn<typeof repairs.repairReopenInput, repairs.RepairChangeOutput>
  'repair-urge': Fn<typeof repairs.repairUrgeInput, repairs.RepairChangeOutput>
  'repair-jobs': Fn<typeof repairs.repairJobsInput, repairs.RepairJobsOutput>
  'repair-stats': Fn<typeof repairs.repairStatsInput, repairs.RepairStatsOutput>
  'repair-link-fund': Fn<typeof repairs.repairLinkFundInput, repairs.RepairChangeOutput>
  'repair-commitments-set': Fn<typeof repairs.repairCommitmentsSetInput, repairs.RepairSettingsOutput['commitments']>
}

// One `extends` per capability.
export interface Api extends IdentityApi, RepairsApi {}

export type FunctionName = keyof Api
