// Notices: queued once per recipient; a notice with a dedupe key reaches each
// recipient once however often it is sent.
import { DEMO_COMMUNITY_ID } from '../../src/seed/demo-community'
import type { Notification } from '../../src/cloud/kit/ports'
import { CONTRACT_NOW, clause, useTarget, type ContractTarget } from './target'

const notice = (recipientIds: string[], dedupeKey?: string): Notification => ({
  communityId: DEMO_COMMUNITY_ID, recipientIds, kind: 'assembly.opened', title: '业主大会开始投票', body: '请在 12 月 5 日前投票', page: '/packages/vote/pages/assembly/index?id=a1', dedupeKey, at: CONTRACT_NOW,
})

/** Three demo owners, so every platform can find whom to notify. */
const [A, B, C] = ['p-chen-jing', 'p-zhang-wei', 'p-huang-meiling']

export function notificationsContract(target: ContractTarget) {
  describe(`${target.name}: notifications`, () => {
    const t = useTarget(target)

    test('a notice without a key is queued for every recipient every time', async () => {
      expect(await t().ports.notifications.send(notice([A, B, C]))).toBe(3)
      expect(await t().ports.notifications.send(notice([A, B, C]))).toBe(3)
    })

    test('a keyed notice reaches each recipient once, including one added later', async () => {
      expect(await t().ports.notifications.send(notice([A, B], 'assembly-opened:a1'))).toBe(2)
      expect(await t().ports.notifications.send(notice([A, B], 'assembly-opened:a1'))).toBe(0)
      expect(await t().ports.notifications.send(notice([A, B, C], 'assembly-opened:a1'))).toBe(1)
      expect(await t().ports.notifications.send(notice([A], 'assembly-closing:a1'))).toBe(1)
    })

    clause(target, 'outbox')('the host outbox shows the newest notice first, with what the person will read', async () => {
      await t().ports.notifications.send(notice([A]))
      await t().ports.notifications.send({ ...notice([B]), title: '停水通知', page: undefined })
      const rows = await t().ports.outbox!(10)
      expect(rows.map((r) => [r.recipient_id, r.title, r.page])).toEqual([[B, '停水通知', null], [A, '业主大会开始投票', '/packages/vote/pages/assembly/index?id=a1']])
      expect(rows[1]).toMatchObject({ community_id: DEMO_COMMUNITY_ID, kind: 'assembly.opened', body: '请在 12 月 5 日前投票', created_at: CONTRACT_NOW })
    })
  })
}
