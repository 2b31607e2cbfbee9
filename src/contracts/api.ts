// The map from cloud-function name to its input and answer types. The client
// imports it as types only; each capability adds its own interface here.
import type { z } from 'zod'
import type * as identity from './identity'
import type * as voting from './voting'
import type * as roll from './roll'
import type * as disclosure from './disclosure'
import type * as captains from './captains'
import type * as repairs from './repairs'
import type * as jobs from './jobs'

export type Fn<I extends z.ZodTypeAny, O> = { input: z.input<I>; output: O }

export interface IdentityApi {
  ping: Fn<typeof identity.pingInput, identity.PingOutput>
  me: Fn<typeof identity.meInput, identity.MeOutput>
  'person-register': Fn<typeof identity.personRegisterInput, identity.PersonRegisterOutput>
  'role-grant': Fn<typeof identity.roleGrantInput, identity.RoleChangeOutput>
  'role-revoke': Fn<typeof identity.roleRevokeInput, identity.RoleChangeOutput>
  'audit-log': Fn<typeof identity.auditLogInput, identity.AuditLogOutput>
  'community-overview': Fn<typeof identity.communityOverviewInput, identity.CommunityOverview>
  'community-people': Fn<typeof identity.communityPeopleInput, identity.CommunityPerson[]>
  'file-upload': Fn<typeof identity.fileUploadInput, identity.UploadedFile>
}

export interface VotingApi {
  'assembly-call': Fn<typeof voting.assemblyCallInput, voting.AssemblyCallOutput>
  'assembly-list': Fn<typeof identity.communityInput, voting.AssemblySummary[]>
  'assembly-get': Fn<typeof voting.assemblyRef, voting.AssemblyDetail>
  'ballot-cast': Fn<typeof voting.ballotCastInput, voting.BallotReceipt>
  'ballot-paper': Fn<typeof voting.ballotPaperInput, voting.BallotReceipt>
  'proxy-grant': Fn<typeof voting.proxyGrantInput, voting.ProxyGrantOutput>
  'proxy-revoke': Fn<typeof voting.proxyRevokeInput, voting.AuditedOutput>
  'proxy-find': Fn<typeof voting.proxyFindInput, voting.ProxyCandidate[]>
  'assembly-close': Fn<typeof voting.assemblyRef, voting.PublishedResultView>
  'objection-file': Fn<typeof voting.objectionFileInput, voting.ObjectionFileOutput>
  'objection-resolve': Fn<typeof voting.objectionResolveInput, voting.AuditedOutput>
  'assembly-certify': Fn<typeof voting.assemblyRef, voting.PublishedResultView>
  'ballot-list': Fn<typeof voting.assemblyRef, voting.PublishedBallot[]>
  'assembly-export': Fn<typeof voting.assemblyRef, voting.ExportPackage>
}

export interface CaptainsApi {
  'reception-schedule': Fn<typeof captains.receptionScheduleInput, captains.ScheduleOutput>
  'reception-cancel': Fn<typeof captains.receptionCancelInput, captains.ReceptionDayView>
  'reception-move': Fn<typeof captains.receptionMoveInput, captains.ReceptionDayView>
  'reception-upcoming': Fn<typeof captains.receptionUpcomingInput, captains.ReceptionDayView[]>
  'reception-book': Fn<typeof captains.receptionBookInput, captains.BookingOutput>
  'reception-reminders': Fn<typeof captains.receptionRemindersInput, captains.RemindersOutput>
  'rect-raise': Fn<typeof captains.rectRaiseInput, captains.ItemView>
  'rect-act': Fn<typeof captains.rectActInput, captains.ItemView>
  'rect-item': Fn<typeof captains.rectItemInput, captains.ItemDetail>
  'rect-board': Fn<typeof captains.rectBoardInput, captains.BoardOutput>
  'rect-escalate': Fn<typeof captains.rectEscalateInput, captains.EscalateOutput>
  'captain-month': Fn<typeof captains.captainMonthInput, captains.MonthOutput>
  'claim-publish': Fn<typeof captains.claimPublishInput, captains.ClaimView>
  'claim-act': Fn<typeof captains.claimActInput, captains.ClaimView>
  'claim-list': Fn<typeof captains.claimListInput, captains.ClaimListOutput>
}

export interface RollApi {
  'roll-preview': Fn<typeof roll.rollPreviewInput, roll.RollPreviewOutput>
  'roll-commit': Fn<typeof roll.rollCommitInput, roll.RollCommitOutput>
  'roll-versions': Fn<typeof roll.rollVersionsInput, roll.RollVersionView[]>
  'roll-template': Fn<typeof roll.rollTemplateInput, roll.RollTemplateOutput>
  'bind-unit': Fn<typeof roll.bindUnitInput, roll.BindUnitOutput>
  'verification-submit': Fn<typeof roll.verificationSubmitInput, roll.VerificationView>
  'verification-mine': Fn<typeof roll.verificationMineInput, roll.VerificationView[]>
  'verification-list': Fn<typeof roll.verificationListInput, roll.VerificationQueueItem[]>
  'verification-decide': Fn<typeof roll.verificationDecideInput, roll.VerificationView>
  'resident-invite': Fn<typeof roll.residentInviteInput, roll.ResidentInviteOutput>
  'resident-redeem': Fn<typeof roll.residentRedeemInput, roll.ResidentRedeemOutput>
  'resident-list': Fn<typeof roll.residentListInput, roll.ResidentView[]>
  'resident-unlink': Fn<typeof roll.residentUnlinkInput, roll.AuditedChange>
  'community-search': Fn<typeof roll.communitySearchInput, roll.CommunityFound[]>
}

export interface DisclosureApi {
  'disclosure-settings': Fn<typeof disclosure.disclosureSettingsInput, disclosure.DisclosureSettings>
  'disclosure-settings-set': Fn<typeof disclosure.disclosureSettingsSetInput, disclosure.DisclosureSettings>
  'report-draft': Fn<typeof disclosure.reportDraftInput, disclosure.ReportDraftView>
  'report-draft-save': Fn<typeof disclosure.reportDraftSaveInput, disclosure.ReportDraftView>
  'report-import': Fn<typeof disclosure.reportImportInput, disclosure.ReportImportOutput>
  'report-template': Fn<typeof disclosure.reportTemplateInput, disclosure.ReportTemplate>
  'report-attach': Fn<typeof disclosure.reportAttachInput, disclosure.ReportDraftView>
  'report-publish': Fn<typeof disclosure.reportPublishInput, disclosure.ReportPublished>
  'report-quarters': Fn<typeof disclosure.reportQuartersInput, disclosure.ReportSummary[]>
  'report-detail': Fn<typeof disclosure.reportDetailInput, disclosure.ReportDetail>
  'report-ask': Fn<typeof disclosure.reportAskInput, disclosure.QuestionView>
  'report-answer': Fn<typeof disclosure.reportAnswerInput, disclosure.QuestionView>
  'disclosure-watch': Fn<typeof disclosure.disclosureWatchInput, disclosure.DisclosureWatch>
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
  'repair-areas-set': Fn<typeof repairs.repairAreasSetInput, string[]>
  'repair-fund-withdrawals': Fn<typeof repairs.repairFundWithdrawalsInput, repairs.FundWithdrawalView[]>
}

/** Run by the platform only (access `platform`: its timer, the operator): typed here so the registry is complete, never called by the client. */
export interface PlatformApi {
  'scheduled-jobs': Fn<typeof jobs.scheduledJobsInput, jobs.JobsPass>
  'community-found': Fn<typeof identity.communityFoundInput, identity.CommunityFoundOutput>
}

// One `extends` per capability.
export interface Api extends IdentityApi, VotingApi, RollApi, DisclosureApi, CaptainsApi, RepairsApi, PlatformApi {}

export type FunctionName = keyof Api
