// All ports over the CloudBase environment the function runs in. Typed as
// the whole of Ports: a port without its CloudBase adapter does not build.
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
  const ports: Ports = {
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
  return ports
}
