// The only file that knows the platform: Taro.cloud.callFunction on WeChat,
// HTTP to the local host on H5. Every failure becomes one CallError and is
// reported once to the listener the app registers (the notice bar).
import Taro from '@tarojs/taro'
import type { Api, FunctionName } from '../contracts/api'
import type { Result } from '../contracts/result'

export class CallError extends Error {
  constructor(readonly code: string, message: string, readonly details?: Record<string, unknown>) {
    super(message)
    this.name = 'CallError'
  }
}

export type Transport = (name: string, input: unknown) => Promise<Result<unknown>>

const NETWORK_FAILURE: Result<never> = { ok: false, code: 'NETWORK', message: '网络不通，请检查网络后重试' }

let cloudReady = false
const weappTransport: Transport = async (name, data) => {
  if (!cloudReady) {
    Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV, traceUser: true })
    cloudReady = true
  }
  try {
    const res = await Taro.cloud.callFunction({ name, data: data as Record<string, unknown> })
    return res.result as Result<unknown>
  } catch {
    return NETWORK_FAILURE
  }
}

const httpTransport: Transport = async (name, input) => {
  try {
    const res = await fetch(`/api/fn/${encodeURIComponent(name)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    })
    return (await res.json()) as Result<unknown>
  } catch {
    return NETWORK_FAILURE
  }
}

let transport: Transport = process.env.TARO_ENV === 'weapp' ? weappTransport : httpTransport
let onFailure: ((e: CallError) => void) | null = null

/** Tests run the real cloud functions in-process through this. */
export function setTransport(t: Transport): void {
  transport = t
}

export function onCallFailure(listener: ((e: CallError) => void) | null): void {
  onFailure = listener
}

export async function call<K extends FunctionName>(name: K, input: Api[K]['input']): Promise<Api[K]['output']> {
  const result = await transport(name, input)
  if (result.ok) return result.data as Api[K]['output']
  const error = new CallError(result.code, result.message, result.details)
  if (result.code === 'UNAUTHENTICATED' && process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' && !(window as { __GJ_TEST__?: boolean }).__GJ_TEST__) {
    // On the local host an unknown visitor picks a demo identity first.
    window.location.href = '/dev/signin'
  }
  onFailure?.(error)
  throw error
}
