// The map from cloud-function name to its input and answer types. The client
// imports it as types only; each capability adds its own interface here.
import type { z } from 'zod'
import type * as identity from './identity'
import type * as disclosure from './disclosure'

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

// One `extends` per capability.
export interface Api extends IdentityApi, DisclosureApi {}

export type FunctionName = keyof Api
