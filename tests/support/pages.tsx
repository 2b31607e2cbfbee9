// Renders a page as a given demo person, with the real cloud functions and a
// real SQLite file behind the client (only the HTTP hop is skipped).
import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { setTransport, type Transport } from '../../src/services/cloud-client'
import { overviewResource, peopleResource, auditResource } from '../../src/stores/community'
import { useSession } from '../../src/stores/session'
import { useUi } from '../../src/stores/ui'
import { resetVotingStores } from '../../src/stores/voting'
import { DEMO, createHarness, type Harness } from './harness'

/** `wire` may wrap the transport to simulate what only a network can do (going offline). */
export function renderAs(person: string | null, page: ReactElement, harness: Harness = createHarness(), wire: (real: Transport) => Transport = (t) => t) {
  setTransport(wire((name, input) => harness.callRaw(name, input, person ? DEMO[person].openid : null)))
  return { harness, ...render(page) }
}

/** Zustand stores are module singletons: start every test from scratch. */
export function resetStores() {
  useSession.getState().reset()
  useUi.setState({ largeText: false, notice: null })
  for (const r of [overviewResource, peopleResource, auditResource]) r.store.getState().reset()
  resetVotingStores()
}
