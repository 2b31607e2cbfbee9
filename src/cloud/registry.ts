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
}

export const findFunction = (name: string): CloudFunction | undefined =>
  Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name as FunctionName] : undefined
