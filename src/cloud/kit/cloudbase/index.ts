// All ports over the CloudBase environment the function runs in. Ports a
// capability has not yet brought to CloudBase answer SYSTEM.NOT_AVAILABLE
// (see hosting.ts); each capability adds its line below.
import { withPendingPorts, type FoundationPorts } from '../hosting'
import type { Ports } from '../ports'
import { cloudbaseAudit } from './audit'
import { cloudbaseCaptains } from './captains'
import { cloudbaseDisclosure } from './disclosure'
import { cloudbaseFiles } from './files'
import { cloudbaseIdentity, cloudbaseRoles } from './identity'
import { cloudbaseNotifications, type NotificationSettings } from './notifications'
import { cloudbaseOwnership } from './ownership'
import { cloudbaseRepairs } from './repairs'
import { cloudbaseRoll } from './roll'
import { cloudbaseRollAdmin, type RollAdminTiming } from './roll-admin'
import type { WxCloud } from './sdk'
import { cloudbaseVoting } from './voting'

export interface CloudbaseSettings {
  notifications: NotificationSettings
  /** How a roll import waits for another one; the defaults suit the real platform. */
  rollImport?: Partial<RollAdminTiming>
}

export function cloudbasePorts(cloud: WxCloud, settings: CloudbaseSettings, now: () => number = Date.now): Ports {
  const db = cloud.database()
  const ports: FoundationPorts & Pick<Ports, 'voting' | 'disclosure' | 'repairs' | 'captains' | 'rollAdmin' | 'ownership'> = {
    now,
    identity: cloudbaseIdentity(db),
    roles: cloudbaseRoles(db),
    roll: cloudbaseRoll(db),
    audit: cloudbaseAudit(db, now),
    files: cloudbaseFiles(cloud),
    notifications: cloudbaseNotifications(cloud, settings.notifications),
    voting: cloudbaseVoting(db),
    disclosure: cloudbaseDisclosure(db),
    repairs: cloudbaseRepairs(db),
    captains: cloudbaseCaptains(db),
    rollAdmin: cloudbaseRollAdmin(db, settings.rollImport),
    ownership: cloudbaseOwnership(db),
  }
  return withPendingPorts(ports, '微信云开发')
}
