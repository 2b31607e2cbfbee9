// A newcomer's first visit: WeChat knows them (an OPENID), the app does not.
// The real functions over a real SQLite file answer; only the wire is skipped.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { render } from '@testing-library/react'
import MinePage from '../../src/pages/mine/index'
import VotePage from '../../src/pages/vote/index'
import { setTransport } from '../../src/services/cloud-client'
import { createHarness, type Harness } from '../support/harness'
import { resetStores, typeInto } from '../support/pages'

let harness: Harness
beforeEach(() => {
  resetStores()
  harness = createHarness()
})
afterEach(() => {
  cleanup()
  harness.close()
})

/** Renders a page for someone WeChat identifies by this OPENID, counting calls by name. */
function renderNewcomer(openid: string, page: JSX.Element) {
  const calls: string[] = []
  setTransport((name, input) => {
    calls.push(name)
    return harness.callRaw(name, input, openid)
  })
  render(page)
  return calls
}

test('NOT_REGISTERED shows the registration form instead of the page, and no failure notice', async () => {
  renderNewcomer('wx-openid-newcomer', <VotePage />)
  await screen.findByText('您的称呼')
  expect(screen.getByText('开始使用')).toBeTruthy()
  expect(screen.queryByText('正在加载…')).toBeNull()
  expect(screen.queryByText(/请先填写称呼完成注册/)).toBeNull()
})

test('an empty (or blank) name is refused with the message, and nothing is sent', async () => {
  const calls = renderNewcomer('wx-openid-newcomer', <MinePage />)
  await screen.findByText('您的称呼')
  const before = harness.snapshot()
  fireEvent.click(screen.getByText('开始使用'))
  expect((await screen.findByRole('alert')).textContent).toBe('请填写您的称呼')
  typeInto(screen.getByTestId('register-name'), '   ')
  fireEvent.click(screen.getByText('开始使用'))
  expect((await screen.findByRole('alert')).textContent).toBe('请填写您的称呼')
  typeInto(screen.getByTestId('register-name'), '王'.repeat(21))
  fireEvent.click(screen.getByText('开始使用'))
  expect((await screen.findByRole('alert')).textContent).toBe('称呼最多 20 个字')
  expect(calls).toEqual(['me'])
  expect(harness.snapshot()).toBe(before)
})

test('registering shows the person by their name, then the no-community state with their id for founding', async () => {
  const calls = renderNewcomer('wx-openid-newcomer', <MinePage />)
  await screen.findByText('您的称呼')
  typeInto(screen.getByTestId('register-name'), '  王阿姨 ')
  fireEvent.click(screen.getByText('开始使用'))
  await screen.findByText('王阿姨')
  expect(screen.queryByText('您的称呼')).toBeNull()
  expect(screen.getByText('您还没有加入任何小区。')).toBeTruthy()
  expect(screen.getByText('绑定房屋')).toBeTruthy()
  const person = await harness.ports.identity.personByOpenid('wx-openid-newcomer')
  expect(person).toMatchObject({ name: '王阿姨', id: expect.stringMatching(/^p-wx-[0-9a-f]{20}$/) })
  expect(screen.getByTestId('my-person-id').textContent).toContain(person!.id)
  expect(calls).toEqual(['me', 'person-register', 'me'])
})

test('while registering the button says so and cannot be pressed twice', async () => {
  let release: () => void = () => undefined
  const held = new Promise<void>((r) => { release = r })
  const calls: string[] = []
  setTransport(async (name, input) => {
    calls.push(name)
    if (name === 'person-register') await held
    return harness.callRaw(name, input, 'wx-openid-slow')
  })
  render(<MinePage />)
  await screen.findByText('您的称呼')
  typeInto(screen.getByTestId('register-name'), '老李')
  fireEvent.click(screen.getByText('开始使用'))
  await screen.findByText('正在进入…')
  fireEvent.click(screen.getByText('正在进入…'))
  release()
  await screen.findByText('老李')
  await waitFor(() => expect(calls.filter((c) => c === 'person-register')).toHaveLength(1))
})
