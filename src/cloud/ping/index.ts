// A no-op used by health checks and the call-overhead benchmark.
import { pingInput, type PingOutput } from '../../contracts/identity'
import { defineFunction } from '../kit/handler'

export const main = defineFunction({
  name: 'ping',
  input: pingInput,
  access: { kind: 'public' },
  run: async ({ now }): Promise<PingOutput> => ({ pong: true, at: now }),
})
