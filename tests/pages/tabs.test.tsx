import { screen, waitFor, fireEvent, cleanup } from '@testing-library/react'
import Taro from '@tarojs/taro'
import VotePage from '../../src/pages/vote/index'
import MinePage from '../../src/pages/mine/index'
import AccountsPage from '../../src/pages/accounts/index'
import CaptainPage from '../../src/pages/captain/index'
import { renderAs, resetStores } from '../support/pages'
import type { Harness } from '../support/harness'
import { useSession } from '../../src/stores/session'

let harness: Harness | undefined
beforeEach(() => resetStores())
afterEach(() => harness?.close())

test('投票: an owner sees the roll the vote counts against, by the legal head count', async () => {
  ;({ harness } = renderAs('p-zhang-wei', <VotePage />))
  expect(screen.getByText('正在加载…')).toBeTruthy()
  await screen.findByText('777')
  expect(screen.getByText('798')).toBeTruthy()
  expect(screen.getByText('80,948.48 m²')).toBeTruthy()
  expect(screen.getByText(/开发模式/)).toBeTruthy()
})

test('投票: a lost network (simulated on the wire only) is shown once, and 重试 loads the page', async () => {
  let offline = true
  ;({ harness } = renderAs('p-zhang-wei', <VotePage />, undefined, (real) => async (name, input) =>
    offline && name === 'community-overview' ? { ok: false, code: 'NETWORK', message: '网络不通，请检查网络后重试' } : real(name, input)))
  await screen.findByText('加载失败：网络不通，请检查网络后重试')
  expect(screen.getByRole('alert').textContent).toContain('网络不通，请检查网络后重试')
  offline = false
  fireEvent.click(screen.getByText('重试'))
  await screen.findByText('777')
})

test('投票: when even the sign-in check fails, the page says so and 重试 recovers (wire failure simulated)', async () => {
  let offline = true
  ;({ harness } = renderAs('p-zhang-wei', <VotePage />, undefined, (real) => async (name, input) =>
    offline ? { ok: false, code: 'NETWORK', message: '网络不通，请检查网络后重试' } : real(name, input)))
  await screen.findByText('加载失败：网络不通，请检查网络后重试')
  offline = false
  fireEvent.click(screen.getByText('重试'))
  await screen.findByText('777')
})

test('我的: units, roles and large-text mode that changes the page', async () => {
  ;({ harness } = renderAs('p-zhang-wei', <MinePage />))
  await screen.findByText('张伟')
  expect(screen.getByText(/1栋 0202（业主）/)).toBeTruthy()
  expect(screen.getByText(/1栋 0203（业主）/)).toBeTruthy()
  expect(document.querySelector('.gj-page')!.className).not.toContain('gj-large')
  fireEvent.click(document.querySelector('.nut-switch')!)
  await waitFor(() => expect(document.querySelector('.gj-page')!.className).toContain('gj-large'))
  // The choice is remembered on the phone for the next visit.
  expect(Taro.getStorageSync('gj.largeText')).toBe(true)
  // An owner is not offered the committee's tools.
  expect(screen.queryByText('角色管理')).toBeNull()
})

test('公开: the audit log is offered to a supervisor but not to an owner', async () => {
  ;({ harness } = renderAs('p-sun-li', <AccountsPage />))
  await screen.findByText('审计日志')
  cleanup()
  harness.close()
  resetStores()
  ;({ harness } = renderAs('p-chen-jing', <AccountsPage />))
  await screen.findByText('公开哪些内容')
  await waitFor(() => expect(useSession.getState().status).toBe('ready'))
  expect(screen.queryByText('审计日志')).toBeNull()
})

test('楼长: a captain sees the buildings they serve', async () => {
  ;({ harness } = renderAs('p-wang-xiuying', <CaptainPage />))
  await screen.findByText('我负责的楼栋')
  expect(screen.getByText('1栋')).toBeTruthy()
  expect(screen.getByText('3栋')).toBeTruthy()
})
