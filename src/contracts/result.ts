// The one answer shape of every cloud function, on every platform.

export type Ok<T> = { ok: true; data: T }
export type Fail = { ok: false; code: string; message: string; details?: Record<string, unknown> }
export type Result<T> = Ok<T> | Fail
