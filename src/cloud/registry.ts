// Every cloud function by name, for the local host and the tests. The CloudBase
// build bundles each folder on its own instead.
import type { FunctionName } from '../contracts/api'
import type { CloudFunction } from './kit/handler'
import { main as auditLog } from './audit-log'
import { main as communityOverview } from './community-overview'
import { main as communityPeople } from './community-people'
import { main as fileUpload } from './file-upload'
import { main as me } from './me'
import { main as ping } from './ping'
import { main as disclosureSettings } from './disclosure-settings'
import { main as disclosureSettingsSet } from './disclosure-settings-set'
import { main as reportDraft } from './report-draft'
import { main as reportDraftSave } from './report-draft-save'
import { main as reportImport } from './report-import'
import { main as reportTemplate } from './report-template'
import { main as reportAttach } from './report-attach'
import { main as reportPublish } from './report-publish'
import { main as reportQuarters } from './report-quarters'
import { main as reportDetail } from './report-detail'
import { main as reportAsk } from './report-ask'
import { main as reportAnswer } from './report-answer'
import { main as disclosureWatch } from './disclosure-watch'
import { main as roleGrant } from './role-grant'
import { main as roleRevoke } from './role-revoke'

export const FUNCTIONS: Record<FunctionName, CloudFunction> = {
  ping,
  me,
  'role-grant': roleGrant,
  'role-revoke': roleRevoke,
  'audit-log': auditLog,
  'community-overview': communityOverview,
  'community-people': communityPeople,
  'file-upload': fileUpload,
  'disclosure-settings': disclosureSettings,
  'disclosure-settings-set': disclosureSettingsSet,
  'report-draft': reportDraft,
  'report-draft-save': reportDraftSave,
  'report-import': reportImport,
  'report-template': reportTemplate,
  'report-attach': reportAttach,
  'report-publish': reportPublish,
  'report-quarters': reportQuarters,
  'report-detail': reportDetail,
  'report-ask': reportAsk,
  'report-answer': reportAnswer,
  'disclosure-watch': disclosureWatch,
}

export const findFunction = (name: string): CloudFunction | undefined =>
  Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name as FunctionName] : undefined
