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

// Taro writes TARO_APP_CLOUD_ENV into the bundle only when a .env file sets
// it; otherwise `process.env…` reaches WeChat as is, and WeChat has no
// `process`: reading it must not break every call. Unset: the default env.
function cloudEnv(): string | undefined {
  try {
    return process.env.TARO_APP_CLOUD_ENV || undefined
  } catch {
    return undefined
  }
}

let cloudReady = false
function ensureCloud() {
  if (!cloudReady) {
    Taro.cloud.init({ env: cloudEnv(), traceUser: true })
    cloudReady = true
  }
}

const weappTransport: Transport = async (name, data) => {
  try {
    ensureCloud()
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

export interface UploadRequest {
  communityId: string
  purpose: 'photo' | 'document' | 'spreadsheet'
  /** A local path from Taro.chooseImage / chooseMessageFile (a blob: URL on H5). */
  path: string
  name: string
  /** On H5, the picked File itself (from an <input type=file>): no blob URL needed. */
  file?: Blob
}

export type Uploader = (req: UploadRequest) => Promise<Result<{ fileId: string; size: number }>>

const httpUploader: Uploader = async ({ communityId, purpose, path, name, file }) => {
  try {
    const blob = file ?? (await (await fetch(path)).blob())
    const query = new URLSearchParams({ communityId, purpose, name })
    const res = await fetch(`/api/files?${query}`, { method: 'POST', credentials: 'same-origin', body: blob })
    return (await res.json()) as Result<{ fileId: string; size: number }>
  } catch {
    return NETWORK_FAILURE
  }
}

// On WeChat the bytes go straight to cloud storage; the CloudBase files port
// checks kind and size when a function first uses the file id.
const weappUploader: Uploader = async ({ communityId, purpose, path, name }) => {
  try {
    ensureCloud()
    const res = await Taro.cloud.uploadFile({ cloudPath: `${communityId}/${purpose}/${Date.now()}-${name}`, filePath: path })
    return { ok: true, data: { fileId: res.fileID, size: 0 } }
  } catch {
    return NETWORK_FAILURE
  }
}

let uploader: Uploader = process.env.TARO_ENV === 'weapp' ? weappUploader : httpUploader

/** Uploads one file; failures are reported like any failed call. */
export async function upload(req: UploadRequest): Promise<{ fileId: string; size: number }> {
  return unwrap(await uploader(req))
}

/** Tests run the real cloud functions in-process through these. */
export function setUploader(u: Uploader): void {
  uploader = u
}

export function setTransport(t: Transport): void {
  transport = t
}

export function onCallFailure(listener: ((e: CallError) => void) | null): void {
  onFailure = listener
}

export async function call<K extends FunctionName>(name: K, input: Api[K]['input']): Promise<Api[K]['output']> {
  return unwrap(await transport(name, input)) as Api[K]['output']
}

function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.data
  const error = new CallError(result.code, result.message, result.details)
  if (result.code === 'UNAUTHENTICATED' && process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' && !(window as { __GJ_TEST__?: boolean }).__GJ_TEST__) {
    // On the local host an unknown visitor picks a demo identity first.
    window.location.href = '/dev/signin'
  }
  // Not registered yet is no failure to announce: the app shows its registration screen instead.
  if (result.code !== 'NOT_REGISTERED') onFailure?.(error)
  throw error
}

/** On the local host in development mode, one can sign in as another demo person. */
export const canSwitchDevIdentity = (): boolean => process.env.TARO_ENV === 'h5'

export function switchDevIdentity(): void {
  if (canSwitchDevIdentity() && typeof window !== 'undefined') window.location.href = '/dev/signout'
}
