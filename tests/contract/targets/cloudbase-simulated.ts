// The CloudBase adapters as a contract target, over the in-memory fake of
// wx-server-sdk: WeChat's cloud is SIMULATED. It proves the adapters' logic
// (keys, paging, transactions, retries), not the real service; the real one
// runs only where cloud credentials exist (see cloudbase.test.ts).
import { cloudbasePorts } from '../../../src/cloud/kit/cloudbase'
import type { HostPorts } from '../../../src/cloud/kit/hosting'
import { writeFoundationCloudbase } from '../../../src/seed/seed-cloudbase'
import { fakeWxCloud } from '../../support/fake-wx-cloud'
import type { ContractTarget } from '../target'

/** A template for every kind of notice the contracts send. */
export const CONTRACT_TEMPLATES = { 'assembly.opened': { id: 'tmpl-assembly-opened', titleField: 'thing1', bodyField: 'thing2' } }

export const cloudbaseSimulatedTarget: ContractTarget = {
  name: 'CloudBase (WeChat cloud simulated)',
  limits: {
    tamper: 'CloudBase has no triggers: audit_log and report_versions are protected by their permission (no client writes), by adapters that only ever add to them, and by verification of the chain',
    outbox: 'notices leave as subscription messages; there is no outbox to read',
    references: 'CloudBase has no foreign keys: ballot-cast checks every motion against the assembly and takes the caster from the OPENID before the adapter is called',
  },
  async open(start) {
    const cloud = fakeWxCloud()
    let now = start
    const ports = { ...cloudbasePorts(cloud, { notifications: { templates: CONTRACT_TEMPLATES } }, () => now), close: () => undefined } as HostPorts
    return {
      ports,
      seed: (s) => writeFoundationCloudbase(cloud.database(), s),
      tamperAudit: async () => 'changed',
      tamperReport: async () => 'changed',
      setNow(ms) { now = ms },
      async close() {},
    }
  },
}
