// The CloudBase entry of every bundled function: `exports.main = async (event,
// context) => …`. The caller is whoever WeChat says is calling —
// cloud.getWXContext().OPENID, read inside each call — never anything in the
// event (the platform adds a `userInfo` to it, which is dropped, not trusted).
import type { CloudFunction } from '../handler'
import type { Result } from '../../../contracts/result'
import { cloudbasePorts } from './index'
import { notificationSettingsFromEnv } from './notifications'
import type { WxCloud } from './sdk'

export type CloudbaseMain = (event: unknown, context: unknown) => Promise<Result<unknown>>

export function cloudbaseEntry(fn: CloudFunction, cloud: WxCloud, env: Record<string, string | undefined> = process.env): CloudbaseMain {
  // One set of ports per warm instance; the SDK's database handle is reusable.
  let ports: ReturnType<typeof cloudbasePorts> | null = null
  return async (event) => {
    const { OPENID } = cloud.getWXContext()
    ports ??= cloudbasePorts(cloud, { notifications: notificationSettingsFromEnv(env) })
    const input = event && typeof event === 'object' && !Array.isArray(event) ? withoutPlatformFields(event as Record<string, unknown>) : event
    return fn(input, { principal: OPENID ? { openid: OPENID } : null, ports, devMode: false })
  }
}

function withoutPlatformFields(event: Record<string, unknown>): Record<string, unknown> {
  const { userInfo: _userInfo, ...input } = event
  return input
}
