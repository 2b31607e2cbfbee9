import { AppError } from '../../src/domain/errors'

/** The AppError a call refuses with; fails the test when it does not refuse. */
export function refusal(fn: () => unknown): AppError {
  try {
    fn()
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('expected a refusal')
}
