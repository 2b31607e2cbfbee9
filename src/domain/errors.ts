// Errors are values with a stable code and a Chinese message for the person;
// the edge (cloud handler) turns them into `{ ok: false, code, message }`.

export type ErrorCode =
  | 'NOT_FOUND'
  | 'BAD_REQUEST'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNAUTHENTICATED'
  /** Identified by the platform, but no person yet: the client shows registration. */
  | 'NOT_REGISTERED'
  | 'FORBIDDEN'
  | 'INVALID_INPUT'
  | 'CONFLICT'
  | 'INTERNAL'
  | `${Uppercase<string>}.${Uppercase<string>}`

export class AppError extends Error {
  readonly code: ErrorCode
  readonly details?: Record<string, unknown>

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.details = details
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError
