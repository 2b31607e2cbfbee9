// Every cloud function by name, for the local host and the tests. The CloudBase
// build bundles each folder on its own instead.
import type { FunctionName } from '../contracts/api'
import type { CloudFunction } from './kit/handler'
import { main as auditLog } from './audit-log'
import { main as assemblyCall } from './assembly-call'
import { main as assemblyList } from './assembly-list'
import { main as assemblyGet } from './assembly-get'
import { main as ballotCast } from './ballot-cast'
import { main as ballotPaper } from './ballot-paper'
import { main as proxyGrant } from './proxy-grant'
import { main as proxyRevoke } from './proxy-revoke'
import { main as proxyFind } from './proxy-find'
import { main as assemblyClose } from './assembly-close'
import { main as objectionFile } from './objection-file'
import { main as objectionResolve } from './objection-resolve'
import { main as assemblyCertify } from './assembly-certify'
import { main as ballotList } from './ballot-list'
import { main as assemblyExport } from './assembly-export'
import { main as communityOverview } from './community-overview'
import { main as communityPeople } from './community-people'
import { main as fileUpload } from './file-upload'
import { main as me } from './me'
import { main as personRegister } from './person-register'
import { main as communityFound } from './community-found'
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
import { main as repairSettings } from './repair-settings'
import { main as repairReport } from './repair-report'
import { main as repairList } from './repair-list'
import { main as repairDetail } from './repair-detail'
import { main as repairQueue } from './repair-queue'
import { main as repairHandle } from './repair-handle'
import { main as repairCommitmentsSet } from './repair-commitments-set'
import { main as repairConfirm } from './repair-confirm'
import { main as repairReopen } from './repair-reopen'
import { main as repairUrge } from './repair-urge'
import { main as repairJobs } from './repair-jobs'
import { main as scheduledJobs } from './scheduled-jobs'
import { main as repairStats } from './repair-stats'
import { main as repairLinkFund } from './repair-link-fund'
import { main as repairFundWithdrawals } from './repair-fund-withdrawals'
import { main as repairAreasSet } from './repair-areas-set'
import { main as roleGrant } from './role-grant'
import { main as roleRevoke } from './role-revoke'
import { main as rollPreview } from './roll-preview'
import { main as rollCommit } from './roll-commit'
import { main as rollVersions } from './roll-versions'
import { main as rollTemplate } from './roll-template'
import { main as bindUnit } from './bind-unit'
import { main as verificationSubmit } from './verification-submit'
import { main as verificationMine } from './verification-mine'
import { main as verificationList } from './verification-list'
import { main as verificationDecide } from './verification-decide'
import { main as residentInvite } from './resident-invite'
import { main as residentRedeem } from './resident-redeem'
import { main as residentList } from './resident-list'
import { main as residentUnlink } from './resident-unlink'
import { main as communitySearch } from './community-search'
import { main as receptionSchedule } from './reception-schedule'
import { main as receptionCancel } from './reception-cancel'
import { main as receptionMove } from './reception-move'
import { main as receptionUpcoming } from './reception-upcoming'
import { main as receptionBook } from './reception-book'
import { main as receptionReminders } from './reception-reminders'
import { main as rectRaise } from './rect-raise'
import { main as rectAct } from './rect-act'
import { main as rectItem } from './rect-item'
import { main as rectBoard } from './rect-board'
import { main as rectEscalate } from './rect-escalate'
import { main as captainMonth } from './captain-month'
import { main as claimPublish } from './claim-publish'
import { main as claimAct } from './claim-act'
import { main as claimList } from './claim-list'

export const FUNCTIONS: Record<FunctionName, CloudFunction> = {
  ping,
  me,
  'role-grant': roleGrant,
  'role-revoke': roleRevoke,
  'audit-log': auditLog,
  'community-overview': communityOverview,
  'community-people': communityPeople,
  'assembly-call': assemblyCall,
  'assembly-list': assemblyList,
  'assembly-get': assemblyGet,
  'ballot-cast': ballotCast,
  'ballot-paper': ballotPaper,
  'proxy-grant': proxyGrant,
  'proxy-revoke': proxyRevoke,
  'proxy-find': proxyFind,
  'assembly-close': assemblyClose,
  'objection-file': objectionFile,
  'objection-resolve': objectionResolve,
  'assembly-certify': assemblyCertify,
  'ballot-list': ballotList,
  'assembly-export': assemblyExport,
  'file-upload': fileUpload,
  'roll-preview': rollPreview,
  'roll-commit': rollCommit,
  'roll-versions': rollVersions,
  'roll-template': rollTemplate,
  'bind-unit': bindUnit,
  'verification-submit': verificationSubmit,
  'verification-mine': verificationMine,
  'verification-list': verificationList,
  'verification-decide': verificationDecide,
  'resident-invite': residentInvite,
  'resident-redeem': residentRedeem,
  'resident-list': residentList,
  'resident-unlink': residentUnlink,
  'community-search': communitySearch,
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
  'reception-schedule': receptionSchedule,
  'reception-cancel': receptionCancel,
  'reception-move': receptionMove,
  'reception-upcoming': receptionUpcoming,
  'reception-book': receptionBook,
  'reception-reminders': receptionReminders,
  'rect-raise': rectRaise,
  'rect-act': rectAct,
  'rect-item': rectItem,
  'rect-board': rectBoard,
  'rect-escalate': rectEscalate,
  'captain-month': captainMonth,
  'claim-publish': claimPublish,
  'claim-act': claimAct,
  'claim-list': claimList,
  'repair-settings': repairSettings,
  'repair-report': repairReport,
  'repair-list': repairList,
  'repair-detail': repairDetail,
  'repair-queue': repairQueue,
  'repair-handle': repairHandle,
  'repair-confirm': repairConfirm,
  'repair-reopen': repairReopen,
  'repair-urge': repairUrge,
  'repair-jobs': repairJobs,
  'scheduled-jobs': scheduledJobs,
  'person-register': personRegister,
  'community-found': communityFound,
  'repair-stats': repairStats,
  'repair-link-fund': repairLinkFund,
  'repair-commitments-set': repairCommitmentsSet,
  'repair-fund-withdrawals': repairFundWithdrawals,
  'repair-areas-set': repairAreasSet,
}

export const findFunction = (name: string): CloudFunction | undefined =>
  Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name as FunctionName] : undefined
