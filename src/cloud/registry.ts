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
}

export const findFunction = (name: string): CloudFunction | undefined =>
  Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name as FunctionName] : undefined
