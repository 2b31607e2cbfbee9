import { screen, fireEvent, waitFor } from '@testing-library/react'
import AuditLogPage from '../../src/packages/admin/pages/audit/index'
import RolesPage from '../../src/packages/admin/pages/roles/index'
import { renderAs, resetStores } from '../support/pages'
import type { Harness } from '../support/harness'

let harness: Harness | undefined
beforeEach(() => resetStores())
afterEach(() => harness?.close())

test('角色管理: the committee appoints a captain for two buildings and sees it in the list and the audit chain', async () => {
  ;({ harness } = renderAs('p-li-jianguo', <RolesPage />))
  await screen.findByText('确认任命')
  // The pickers start on the first person (陈静) and the first role (楼长).
  const input = document.querySelector('taro-input-core')!
  fireEvent(input, new CustomEvent('input', { detail: { value: '4栋、5栋' } }))
  fireEvent.click(screen.getByText('确认任命'))
  await screen.findByText('已任命陈静为楼长')
  await screen.findByText('陈静（4栋、5栋）')
  const chain = harness.ports.db.prepare("SELECT action, actor_id, data FROM audit_log ORDER BY seq DESC LIMIT 1").get() as { action: string; actor_id: string; data: string }
  expect(chain).toEqual({ action: 'role.grant', actor_id: 'p-li-jianguo', data: JSON.stringify({ role: 'captain', buildings: ['4栋', '5栋'] }) })
})

test('角色管理: an owner is told the page is for the committee, and nothing is listed', async () => {
  ;({ harness } = renderAs('p-zhang-wei', <RolesPage />))
  await screen.findByText('只有业委会成员可以管理角色。')
  expect(screen.queryByText('确认任命')).toBeNull()
})

test('审计日志: a supervisor sees the verdict of the whole chain and the entries with who did what', async () => {
  ;({ harness } = renderAs('p-sun-li', <AuditLogPage />))
  const verdict = await screen.findByTestId('verdict')
  // The demo seed writes 1 roll import and 11 role grants (2+2+2 for the committee pair and the captain, 1 each for five others),
  // then the demo assemblies, disclosure quarters, captains' items and repair steps add their own entries.
  const length = harness!.ports.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get() as number
  expect(length).toBeGreaterThan(12)
  expect(verdict.textContent).toBe(`哈希链完整：共 ${length} 条，未发现篡改。`)
  expect(screen.getByText('#1 导入业主名册')).toBeTruthy()
  expect(screen.getAllByText(/任命角色/).length).toBe(11)
  expect(screen.getAllByText('任命角色：王秀英', { exact: false }).length).toBe(2)
})

test('审计日志: a tampered entry is reported with its number', async () => {
  ;({ harness } = renderAs('p-sun-li', <AuditLogPage />))
  harness.ports.db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor_id = 'p-sun-li' WHERE seq = 5")
  await waitFor(() => expect(screen.getByTestId('verdict').textContent).toContain('第 5 条断开'))
})
