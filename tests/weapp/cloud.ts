// WeChat's cloud, simulated in-process: `wx.cloud.callFunction({ name, data })`
// runs the REAL cloud function (src/cloud, via tests/support/harness.ts) on a
// fresh SQLite file, as the given WeChat user. Only the network hop is
// replaced: data and results cross a JSON "wire" as they would, the function
// sees the caller's openid as WeChat would fill it, and the SDK's rules that
// matter to the client hold (init first; an unknown function fails the call).
import { findFunction } from '../../src/cloud/registry'
import type { Harness } from '../support/harness'

type Fn = (...args: any[]) => any

export interface CloudCall { name: string; data: unknown }

export interface SimulatedCloud {
  init(options?: Record<string, unknown>): void
  callFunction(options: { name: string; data?: unknown; success?: Fn; fail?: Fn; complete?: Fn }): Promise<unknown> | undefined
  /** Every call that reached a function, in order. */
  readonly calls: CloudCall[]
  /** The options of wx.cloud.init, or null before it was called. */
  readonly initOptions: Record<string, unknown> | null
}

const wire = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)))

export function simulatedCloud(harness: Harness, openid: string): SimulatedCloud {
  const calls: CloudCall[] = []
  let initOptions: Record<string, unknown> | null = null
  let seq = 0
  const invoke = async (name: string, data: unknown) => {
    if (!initOptions) throw { errMsg: 'cloud.callFunction:fail please call wx.cloud.init first' }
    if (!findFunction(name)) throw { errMsg: `cloud.callFunction:fail -501000 FunctionName parameter could not be found (${name})` }
    const input = wire(data ?? {})
    calls.push({ name, data: input })
    const result = await harness.callRaw(name, input, openid)
    return { errMsg: 'cloud.callFunction:ok', result: wire(result), requestID: `simulated-${++seq}` }
  }
  return {
    calls,
    get initOptions() {
      return initOptions
    },
    init(options = {}) {
      initOptions = { ...options }
    },
    callFunction({ name, data, success, fail, complete }) {
      const p = invoke(name, data)
      if (!success && !fail && !complete) return p
      p.then(
        (res) => { success?.(res); complete?.(res) },
        (err) => { fail?.(err); complete?.(err) },
      )
      return undefined
    },
  }
}
