// The captains' pages against the real functions and SQLite (demo data as
// seeded): what a captain, an owner, the property company and the committee
// see and can do, and what they are told when something is refused.
import { screen, fireEvent, waitFor } from '@testing-library/react'
import CaptainPage from '../../src/pages/captain/index'
import ItemsPage from '../../src/packages/captain/pages/items/index'
import ItemPage from '../../src/packages/captain/pages/item/index'
import RaisePage from '../../src/packages/captain/pages/raise/index'
import DaysPage from '../../src/packages/captain/pages/days/index'
import MonthPage from '../../src/packages/captain/pages/month/index'
import ClaimsPage from '../../src/packages/captain/pages/claims/index'
import { renderAs, resetStores } from '../support/pages'
import { createHarness, expectOk, type Harness } from '../support/harness'
import { useCaptainSelection } from '../../src/stores/captains'
import { DEMO_COMMUNITY_ID as C } from '../../src/seed/demo-community'

let harness: Harness | undefined
// The whole suite shares two cores: give each wait more than the default second.
const SLOW = { timeout: 8000 }
beforeEach(() => resetStores())
afterEach(() => harness?.close())

const type = (selector: string, value: string, index = 0) =>
  fireEvent(document.querySelectorAll(selector)[index], new CustomEvent('input', { detail: { value } }))

test('楼长 tab: the captain sees their buildings, the next demo reception days and their tools', async () => {
  ;({ harness } = renderAs('p-wang-xiuying', <CaptainPage />))
  await screen.findByText('我负责的楼栋', undefined, SLOW)
  const upcoming = await screen.findByTestId('upcoming', undefined, SLOW)
  // The seed plans Saturday mornings for 1栋 (09:00) and 2栋 (14:00); the first three days shown include 1栋.
  expect(upcoming.textContent).toMatch(/1栋 · \d+月\d+日 周[一二三四五六日] (09|19):00/)
  expect(screen.getByText('安排接待日')).toBeTruthy()
  expect(screen.getByText('登记反映事项')).toBeTruthy()
  expect(screen.queryByText('我的整改任务')).toBeNull()
})

test('楼长 tab: an owner is offered raising an item and their items, not the captain\'s tools', async () => {
  ;({ harness } = renderAs('p-chen-jing', <CaptainPage />))
  await screen.findByText('我反映的问题', undefined, SLOW)
  expect(screen.getByText('反映问题')).toBeTruthy()
  expect(screen.queryByText('安排接待日')).toBeNull()
  // 陈静 lives in 4栋, which has no reception days in the demo.
  await screen.findByText(/暂无接待日安排/, undefined, SLOW)
})

test('我的整改任务: the property company sees its two open demo tasks, the overdue one marked', async () => {
  useCaptainSelection.getState().select({ scope: 'assigned' })
  ;({ harness } = renderAs('p-zhao-lei', <ItemsPage />))
  await screen.findByText('1栋电梯 8 楼按键失灵', undefined, SLOW)
  expect(screen.getByText('3栋东侧消防通道长期被私家车占用')).toBeTruthy()
  expect(screen.getAllByTestId('item-card')).toHaveLength(2)
  expect(screen.getByText(/已逾期，上报业委会/)).toBeTruthy()
})

test('事项详情: the property company cannot complete without a note, and is told why; with a note it completes', async () => {
  const h = createHarness()
  const lift = expectOk(await h.call('rect-board', { communityId: C, scope: 'assigned' }, 'p-zhao-lei')).items.find((i) => i.description.includes('电梯'))!
  useCaptainSelection.getState().select({ itemId: lift.id })
  ;({ harness } = renderAs('p-zhao-lei', <ItemPage />, h))
  await screen.findByText('完成整改', undefined, SLOW)
  // The timeline shows the demo's steps.
  expect(screen.getByTestId('timeline').textContent).toContain('已报电梯维保公司')
  fireEvent.click(screen.getByText('完成整改'))
  await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('完成整改时须写明做了什么'), SLOW)
  type('taro-textarea-core', '更换了 8 楼按键面板')
  fireEvent.click(screen.getByText('完成整改'))
  await screen.findByText('已提交完成，等待业主确认', undefined, SLOW)
  await screen.findByText('待确认', undefined, SLOW)
  expect((await h.ports.captains.item(lift.id))!.status).toBe('completed')
})

test('事项详情: the owner confirms a completed item of their unit', async () => {
  const h = createHarness()
  const it = expectOk(await h.call('rect-raise', { communityId: C, building: '1栋', unitNo: '0202', category: 'facilities', description: '楼道灯不亮' }, 'p-wang-xiuying'))
  expectOk(await h.call('rect-act', { communityId: C, itemId: it.id, command: { kind: 'assign', assignee: 'property', deadline: Date.UTC(2026, 11, 5) } }, 'p-wang-xiuying'))
  expectOk(await h.call('rect-act', { communityId: C, itemId: it.id, command: { kind: 'complete', note: '换了灯泡' } }, 'p-zhao-lei'))
  useCaptainSelection.getState().select({ itemId: it.id })
  ;({ harness } = renderAs('p-zhang-wei', <ItemPage />, h))
  await screen.findByText('确认完成', undefined, SLOW)
  expect(screen.getByText('重新打开')).toBeTruthy()
  fireEvent.click(screen.getByText('确认完成'))
  await screen.findByText('已确认完成，谢谢', undefined, SLOW)
  await screen.findByText('已确认完成', undefined, SLOW)
})

test('楼栋事项: a resident of 1栋 sees the building\'s items with the units masked', async () => {
  useCaptainSelection.getState().select({ scope: 'building', building: '1栋' })
  ;({ harness } = renderAs('p-liu-yang', <ItemsPage />))
  await screen.findByText('1栋事项', undefined, SLOW)
  await screen.findByText('1栋电梯 8 楼按键失灵', undefined, SLOW)
  // 刘洋 rents 0203: the item raised for 0203 is his household's; every other unit is masked.
  const cards = screen.getAllByTestId('item-card').map((c) => c.textContent ?? '')
  expect(cards.filter((t) => t.includes('1栋 ****')).length).toBe(3)
  expect(cards.filter((t) => t.includes('1栋 0203')).length).toBe(1)
})

test('登记反映事项: the captain logs an item for a unit of 1栋; a unit not on the roll is refused in plain words', async () => {
  ;({ harness } = renderAs('p-wang-xiuying', <RaisePage />))
  await screen.findByText('提交', undefined, SLOW)
  type('taro-input-core', '9999')
  type('taro-textarea-core', '地下车库漏水')
  fireEvent.click(screen.getByText('提交'))
  await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('名册上没有1栋 9999'), SLOW)
  type('taro-input-core', '0202')
  fireEvent.click(screen.getByText('提交'))
  await screen.findByText('已登记，点此查看并分派', undefined, SLOW)
  const row = harness.ports.db.prepare("SELECT building, unit_no, category, raised_by FROM rect_items WHERE description = '地下车库漏水'").get()
  expect(row).toEqual({ building: '1栋', unit_no: '0202', category: 'environment', raised_by: 'p-wang-xiuying' })
})

test('接待日: an owner of 1栋 books the first free slot and is told when', async () => {
  ;({ harness } = renderAs('p-zhang-wei', <DaysPage />))
  const days = await screen.findAllByTestId('day', undefined, SLOW)
  expect(days.length).toBeGreaterThan(0)
  // The demo's 2栋 day is not shown to an owner of 1栋; the evening day at 19:00 is first.
  expect(days.every((d) => d.textContent!.startsWith('1栋'))).toBe(true)
  fireEvent.click(screen.getAllByText('19:00')[0])
  await screen.findByText(/已预约 .* 19:00，前一天会提醒您/, undefined, SLOW)
  await screen.findByText('您已预约 19:00', undefined, SLOW)
})

test('月度汇总: November of the demo, worked out by hand', async () => {
  // The page opens on the device's month; pin the device clock to the harness's (28 Nov 2026).
  const now = jest.spyOn(Date, 'now').mockReturnValue(Date.UTC(2026, 10, 28, 2))
  ;({ harness } = renderAs('p-sun-li', <MonthPage />))
  await screen.findByText('长城二花园 2026-11 楼长月会汇总', undefined, SLOW)
  const cells = (b: string) => Array.from(screen.getByTestId(`month-${b}`).querySelectorAll('.cap-table__cell')).map((c) => c.textContent)
  // Demo items (N = 28 Nov): 1栋 raised 8, 22, 19, 18 Nov = 4 received; the 8 Nov one confirmed on the 14th
  // (6 days) = 1 closed; due in November: the 15th (confirmed) and the 26th (completed on the 25th, not yet
  // confirmed) = 2, neither late; the night-guard item was reopened on the 23rd. Rate 1/2.
  expect(cells('1栋')).toEqual(['1栋', '4', '1', '2', '0', '1', '50%', '6'])
  // 2栋: one item raised on the 25th, nothing due.
  expect(cells('2栋')).toEqual(['2栋', '1', '0', '0', '0', '0', '—', '—'])
  // 3栋: the blocked fire lane, due on the 23rd and not done: overdue, rate 0/1.
  expect(cells('3栋')).toEqual(['3栋', '1', '0', '1', '1', '0', '0%', '—'])
  expect(cells('全小区')).toEqual(['全小区', '6', '1', '3', '1', '1', '33.3%', '6'])
  now.mockRestore()
})

test('认领清单: an owner sees the public list with masked names and claims the open need', async () => {
  ;({ harness } = renderAs('p-zhang-wei', <ClaimsPage />))
  await screen.findByText('协助统计地面车位使用情况', undefined, SLOW)
  expect(screen.getByText(/认领人：陈\*/)).toBeTruthy()
  expect(screen.getByText(/完成：共统计 212 个车位/)).toBeTruthy()
  expect(screen.queryByText('发布需求')).toBeNull()
  fireEvent.click(screen.getByText('我来领单'))
  await screen.findByText('报告完成', undefined, SLOW)
  expect(screen.getByText(/认领人：张伟/)).toBeTruthy()
})
