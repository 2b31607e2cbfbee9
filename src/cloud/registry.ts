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
import { main as ping } from './ping'
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
import { main as repairStats } from './repair-stats'
import { main as repairLinkFund } from './repair-link-fund'
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
  'assembly-call': assemblyCall,
  'assembly-list': assemblyList,
  'assembly-get': assemblyGet,
  'ballot-cast': ballotCast,
  'ballot-paper': ballotPaper,
  'proxy-grant': proxyGrant,
  'proxy-revoke': proxyRevoke,
  'assembly-close': assemblyClose,
  'objection-file': objectionFile,
  'objection-resolve': objectionResolve,
  'assembly-certify': assemblyCertify,
  'ballot-list': ballotList,
  'assembly-export': assemblyExport,
  'file-upload': fileUpload,
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
  'repair-stats': repairStats,
  'repair-link-fund': repairLinkFund,
  'repair-commitments-set': repairCommitmentsSet,
}

export const findFunction = (name: string): CloudFunction | undefined =>
  Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name as FunctionName] : undefined
