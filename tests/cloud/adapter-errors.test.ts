// A database failure inside a function reaches the person as one generic
// Chinese message with the code INTERNAL: no SQL, no table names, no stack.
// The details go to the server's log. (The PostgreSQL host is checked the
// same way in tests/host/host.test.ts when TEST_DATABASE_URL is set.)
import { createHarness, type Harness } from '../support/harness'
import { DEMO_COMMUNITY_ID } from '../../src/seed/demo-community'

let h: Harness
beforeEach(() => { h = createHarness() })
afterEach(() => h.close())

test('a table lost under a running function answers INTERNAL without SQL or stack, and the log keeps the detail', async () => {
  const log = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  try {
    h.ports.db.exec('ALTER TABLE memberships RENAME TO memberships_gone')
    const r = await h.call('community-people', { communityId: DEMO_COMMUNITY_ID }, 'p-li-jianguo')
    expect(r).toEqual({ ok: false, code: 'INTERNAL', message: '服务暂时出错，请稍后重试' })
    expect(String(log.mock.calls[0]?.[1])).toContain('memberships')
  } finally {
    log.mockRestore()
  }
})
