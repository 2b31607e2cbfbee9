// The roll pages in jsdom against the real functions and SQLite: import with
// preview and confirm, versions, binding a unit, proof review, residents.
import { screen, fireEvent, waitFor } from '@testing-library/react'
import iconv from 'iconv-lite'
import MinePage from '../../src/pages/mine/index'
import BindPage from '../../src/packages/roll/pages/bind/index'
import RollImportPage from '../../src/packages/roll/pages/import/index'
import ResidentsPage from '../../src/packages/roll/pages/residents/index'
import RollVersionsPage from '../../src/packages/roll/pages/versions/index'
import VerificationsPage from '../../src/packages/roll/pages/verifications/index'
import { renderAs, resetStores } from '../support/pages'
import { expectOk, type Harness } from '../support/harness'
import { C, PNG, uploadAs } from '../support/roll'

let harness: Harness | undefined
beforeEach(() => resetStores())
afterEach(() => harness?.close())

const HEADER = '楼栋,房号,面积,面积依据,业主编号,业主姓名,手机号,开发商未售'
const type = (testId: string, value: string) => {
  const el = document.querySelector(`[data-testid="${testId}"]`)!
  fireEvent(el, new CustomEvent('input', { detail: { value } }))
}
const pick = (kind: 'spreadsheet' | 'photo', name: string, bytes: Uint8Array) =>
  fireEvent.change(document.querySelector(`[data-testid="pick-${kind}"]`)!, { target: { files: [new File([bytes as Uint8Array<ArrayBuffer>], name)] } })

test('导入名册: the committee picks a GBK CSV, reads the preview by the legal rule, confirms, and gets version 2', async () => {
  ;({ harness } = renderAs('p-li-jianguo', <RollImportPage />))
  await screen.findByText('选择文件')
  const csv = [HEADER, '1栋,0101,89.36,登记,A1,张三明,13912345678,否', '1栋,0102,102.18,实测,A1,张三明,13912345678,否', '2栋,0101,120,登记,DEV,华发地产,,是', '2栋,0102,80.01,登记,DEV,华发地产,,是'].join('\r\n')
  pick('spreadsheet', '名册.csv', new Uint8Array(iconv.encode(csv, 'gbk')))
  const preview = await screen.findByTestId('preview')
  // 4 units; A1 is one head, the developer's two units one more: 2 heads; 391.55 m².
  expect(preview.textContent).toContain('编码 GBK（Excel 中文版 CSV）')
  expect(preview.querySelector('.gj-stats')!.textContent).toBe('4户2业主人数391.55 m²总面积')
  fireEvent.click(screen.getByText('确认导入（第 2 版）'))
  await screen.findByText('已导入第 2 版名册：4 套房屋，391.55 m²，2 人')
  expect(harness.ports.db.prepare('SELECT MAX(version) FROM roll_versions').pluck().get()).toBe(2)
})

test('导入名册: bad rows are listed with their row numbers and there is nothing to confirm', async () => {
  ;({ harness } = renderAs('p-huang-meiling', <RollImportPage />))
  await screen.findByText('选择文件')
  const before = harness.snapshot()
  pick('spreadsheet', '有错.csv', new Uint8Array(Buffer.from([HEADER, '1栋,0101,89.36,登记,A1,张三,,否', '1栋,0101,90,登记,A2,李四,,否', '1栋,0102,0,登记,A3,王五,,否'].join('\n'))))
  const problems = await screen.findByTestId('problems')
  expect(problems.textContent).toContain('有 2 行需要改正（共 2 处）')
  expect(screen.getByText('第 3 行：1栋 0101 与第 2 行重复')).toBeTruthy()
  expect(screen.getByText('第 4 行：面积「0」为 0')).toBeTruthy()
  expect(screen.getByTestId('confirm').textContent).toContain('没有导入任何数据')
  expect(screen.queryByText(/确认导入/)).toBeNull()
  // Only the uploaded file was stored; the roll did not change.
  expect(harness.ports.db.prepare('SELECT MAX(version) FROM roll_versions').pluck().get()).toBe(1)
  expect(harness.snapshot().split('\n').filter((l) => !l.startsWith('files:'))).toEqual(before.split('\n').filter((l) => !l.startsWith('files:')))
})

test('导入名册: an owner is told the page is for the committee', async () => {
  ;({ harness } = renderAs('p-zhang-wei', <RollImportPage />))
  await screen.findByText('只有业委会成员可以导入业主名册。')
  expect(screen.queryByText('选择文件')).toBeNull()
})

test('业主名册: versions with totals by building, the newest marked in use', async () => {
  ;({ harness } = renderAs('p-sun-li', <RollVersionsPage />))
  const v1 = await screen.findByTestId('version-1')
  expect(v1.textContent).toContain('当前使用')
  expect(v1.querySelector('.gj-stats')!.textContent).toBe('798户777业主人数80,948.48 m²总面积')
  // Ten buildings plus the header row; supervisors read but may not import.
  expect(v1.querySelectorAll('.roll-buildings__row')).toHaveLength(11)
  expect(screen.queryByText('导入新名册')).toBeNull()
})

test('绑定房屋: a newcomer finds the community, misses once (the proof route appears), then binds', async () => {
  ;({ harness } = renderAs('p-zhou-min', <BindPage />))
  await screen.findByText('第一步：找到您的小区')
  type('community-name', '长城')
  fireEvent.click(screen.getByText('查找'))
  fireEvent.click(await screen.findByText('长城二花园'))
  await screen.findByTestId('bind-form')
  type('building', '5栋')
  type('unit', '0302')
  type('name', '周敏')
  type('phone', '1234')
  fireEvent.click(screen.getByText('核对并绑定'))
  await screen.findByText('上传产权证明')
  expect(screen.getByRole('alert').textContent).toContain('今天还可以再试 4 次')
  type('phone', '8009')
  fireEvent.click(screen.getByText('核对并绑定'))
  await screen.findByText('绑定成功：5栋 0302。现在可以参加业主大会投票了。')
  // The earlier miss no longer shows once it is fixed.
  expect(screen.queryByRole('alert')).toBeNull()
})

/** 周敏 finds 长城二花园 on the bind page, names 5栋 0302 and opens the proof card. */
async function openZhouMinProofCard(): Promise<void> {
  type('community-name', '长城')
  fireEvent.click(screen.getByText('查找'))
  fireEvent.click(await screen.findByText('长城二花园'))
  type('building', '5栋')
  type('unit', '0302')
  type('name', '周敏')
  fireEvent.click(screen.getByText(/点这里上传产权证明/))
}

test('绑定房屋: with no match the owner uploads a proof photo and sees it waiting for review', async () => {
  ;({ harness } = renderAs('p-zhou-min', <BindPage />))
  await screen.findByText('查找')
  await openZhouMinProofCard()
  pick('photo', '房产证.png', PNG)
  await screen.findByText('已提交 5栋 0302 的产权证明，业委会审核后会通知您。')
  const mine = await screen.findByTestId('my-requests')
  expect(mine.textContent).toContain('等待业委会审核')
})

test('绑定房屋: the proof card states the limits, and a 4th open request is refused in the notice bar with nothing filed', async () => {
  const { createHarness } = await import('../support/harness')
  const h = createHarness()
  const fileId = await uploadAs(h, 'p-zhou-min', 'p.png', PNG, 'document')
  for (const unitNo of ['0101', '0102', '0103']) expectOk(await h.call('verification-submit', { communityId: C, building: '5栋', unitNo, name: '周敏', fileId }, 'p-zhou-min'))
  ;({ harness } = renderAs('p-zhou-min', <BindPage />, h))
  await screen.findByText('查找')
  await openZhouMinProofCard()
  expect(screen.getByTestId('proof-limits').textContent).toBe('为防止恶意提交：每人在一个小区最多同时有 3 份申请等待审核，每天最多上传 6 份证明材料。')
  pick('photo', '房产证.png', PNG)
  await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('您在本小区已有 3 份核验申请等待业委会审核'))
  expect(h.ports.db.prepare("SELECT COUNT(*) FROM verification_requests WHERE person_id = 'p-zhou-min'").pluck().get()).toBe(3)
})

test('业主身份核验: the committee sees the applicant in full and rejects with a reason', async () => {
  const { createHarness } = await import('../support/harness')
  const h = createHarness()
  const fileId = await uploadAs(h, 'p-zhou-min', 'p.png', PNG, 'document')
  expectOk(await h.call('verification-submit', { communityId: C, building: '5栋', unitNo: '0302', name: '周敏', fileId }, 'p-zhou-min'))
  ;({ harness } = renderAs('p-li-jianguo', <VerificationsPage />, h))
  const card = await screen.findByText(/申请人：周敏（13800138009）/)
  expect(card.textContent).toContain('名册上的业主：周敏')
  fireEvent.click(screen.getByText('驳回'))
  await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('驳回时请写明理由'))
  type('reason', '照片看不清')
  fireEvent.click(screen.getByText('驳回'))
  await screen.findByText('已驳回 周敏 的申请')
  await screen.findByText('已驳回')
})

test('我的 and 我的住户: an owner sees residents masked, makes an invite code and removes a resident', async () => {
  ;({ harness } = renderAs('p-zhang-wei', <MinePage />))
  const residents = await screen.findByTestId('my-residents')
  await waitFor(() => expect(residents.textContent).toBe('刘*1栋 0203'))
  expect(screen.getByText('绑定房屋')).toBeTruthy()
  expect(screen.queryByText('业主名册')).toBeNull()
  harness.close()
  resetStores()
  ;({ harness } = renderAs('p-zhang-wei', <ResidentsPage />))
  fireEvent.click(await screen.findByText('生成邀请码'))
  const code = await screen.findByTestId('invite-code')
  expect(code.textContent).toMatch(/^[2-9A-HJKMNP-Z]{8}1栋 0202 · 2026-12-05 前有效$/)
  fireEvent.click(await screen.findByText('移除'))
  await screen.findByText('已移除 刘*（1栋 0203）')
  await screen.findByText('还没有添加住户')
})

test('我的: the committee finds the roll, verification and role pages', async () => {
  ;({ harness } = renderAs('p-li-jianguo', <MinePage />))
  await screen.findByText('业主名册')
  expect(screen.getByText('业主身份核验')).toBeTruthy()
  expect(screen.getByText('角色管理')).toBeTruthy()
})
