// Proxies on the phone, in jsdom against the real functions: an owner finds a
// neighbour by unit or name, names them with a photo of the signed 委托书, sees
// the proxy standing and can revoke it; the proxy sees the 代投 entry and
// votes; a proxy at the community's cap is refused with the cap shown.
import { screen, fireEvent, waitFor, within } from '@testing-library/react'
import AssemblyPage from '../../src/packages/vote/pages/assembly/index'
import BallotPage from '../../src/packages/vote/pages/ballot/index'
import ProxyPage from '../../src/packages/vote/pages/proxy/index'
import { DAY_MS } from '../../src/domain/voting/assembly'
import { DEMO_OPEN_ASSEMBLY } from '../../src/seed/demo-assemblies'
import { DEMO_COMMUNITY_ID } from '../../src/seed/demo-community'
import { fakePhone, JPEG, renderAs, resetStores, typeInto } from '../support/pages'
import { createHarness, expectOk, type Harness } from '../support/harness'

jest.setTimeout(30_000)
const C = DEMO_COMMUNITY_ID
let harness: Harness | undefined
beforeEach(() => resetStores())
afterEach(() => {
  harness?.close()
  jest.restoreAllMocks()
})

const inputs = () => document.querySelectorAll('taro-input-core')
const button = (label: string) => screen.getByText(label).closest('.nut-button')!

/** 张伟 names 陈静 through the functions, as the page would. */
async function granted(h: Harness) {
  const letterPhoto = expectOk(await h.call('file-upload', { communityId: C, purpose: 'photo', name: '委托书.jpg', bytes: JPEG }, 'p-zhang-wei')).fileId
  expectOk(await h.call('proxy-grant', { communityId: C, assemblyId: DEMO_OPEN_ASSEMBLY, proxyPersonId: 'p-chen-jing', letterPhoto }, 'p-zhang-wei'))
}

test('an owner finds a neighbour by unit, names her with a photo of the 委托书, and sees the proxy standing', async () => {
  fakePhone()
  ;({ harness } = renderAs('p-zhang-wei', <ProxyPage id={DEMO_OPEN_ASSEMBLY} />))
  await screen.findByTestId('find-proxy')
  expect(screen.getByTestId('proxy-page').textContent).toContain('为 1栋0202、1栋0203（220.97 m²）委托他人代为投票')
  expect(screen.getByText(/每位代理人最多代理 3 位业主/)).toBeTruthy()
  typeInto(inputs()[0], '4栋')
  typeInto(inputs()[1], '0302')
  fireEvent.click(screen.getByText('查找'))
  const found = await screen.findByTestId('proxy-candidate')
  expect(found.textContent).toBe('陈*（4栋0302 业主）')
  fireEvent.click(found)
  // Without the photo of the signed letter there is nothing to confirm.
  expect(button('确认委托 陈*').className).toContain('disabled')
  fireEvent.click(screen.getByText('拍照或选照片'))
  await screen.findByTestId('photo-uploaded')
  fireEvent.click(screen.getByText('确认委托 陈*'))

  const standing = await screen.findByTestId('proxy-standing')
  expect(standing.textContent).toContain('已委托 陈* 代为投票')
  expect(standing.textContent).toContain('委托范围：全部议案')
  const row = harness.ports.db.prepare('SELECT p.voter_key, p.proxy_person_id, p.motions, f.owner_id, f.purpose FROM proxies p JOIN files f ON f.id = p.letter_photo').get()
  expect(row).toEqual({ voter_key: 'O0006', proxy_person_id: 'p-chen-jing', motions: null, owner_id: 'p-zhang-wei', purpose: 'photo' })
})

test('chosen motions only; a name search shows the building, and an unknown name says nothing was found', async () => {
  fakePhone()
  ;({ harness } = renderAs('p-zhang-wei', <ProxyPage id={DEMO_OPEN_ASSEMBLY} />))
  await screen.findByTestId('find-proxy')
  fireEvent.click(screen.getByText('按姓名找'))
  typeInto(inputs()[0], '查无此人')
  fireEvent.click(screen.getByText('查找'))
  await screen.findByText(/没有找到。请核对姓名（须是完整姓名）/)
  typeInto(inputs()[0], '王秀英')
  fireEvent.click(screen.getByText('查找'))
  fireEvent.click(await screen.findByText('王*英（1栋 业主）'))
  fireEvent.click(screen.getByText('部分议案'))
  const scope = screen.getByTestId('proxy-scope')
  fireEvent.click(within(scope).getByText(/议案 2：/))
  fireEvent.click(screen.getByText('拍照或选照片'))
  await screen.findByTestId('photo-uploaded')
  fireEvent.click(screen.getByText('确认委托 王*英'))
  expect((await screen.findByTestId('proxy-standing')).textContent).toContain('委托范围：议案 2')
  expect(harness.ports.db.prepare('SELECT motions FROM proxies').pluck().get()).toBe(JSON.stringify([`${DEMO_OPEN_ASSEMBLY}-m2`]))
})

test('a proxy at the community cap is refused, and the page says so with the cap beside the button', async () => {
  fakePhone()
  const h = createHarness()
  h.ports.db.prepare('UPDATE communities SET settings = ? WHERE id = ?').run(JSON.stringify({ voting: { proxyCap: 1 } }), C)
  const letter = expectOk(await h.call('file-upload', { communityId: C, purpose: 'photo', name: '委托书.jpg', bytes: JPEG }, 'p-huang-meiling')).fileId
  expectOk(await h.call('proxy-grant', { communityId: C, assemblyId: DEMO_OPEN_ASSEMBLY, proxyPersonId: 'p-chen-jing', letterPhoto: letter }, 'p-huang-meiling'))
  ;({ harness } = renderAs('p-zhang-wei', <ProxyPage id={DEMO_OPEN_ASSEMBLY} />, h))
  await screen.findByText(/每位代理人最多代理 1 位业主/)
  fireEvent.click(screen.getByText('按姓名找'))
  typeInto(inputs()[0], '陈静')
  fireEvent.click(screen.getByText('查找'))
  fireEvent.click(await screen.findByText('陈*（4栋 业主）'))
  fireEvent.click(screen.getByText('拍照或选照片'))
  await screen.findByTestId('photo-uploaded')
  fireEvent.click(screen.getByText('确认委托 陈*'))
  expect((await screen.findByTestId('proxy-error')).textContent).toContain('每人最多代理 1 位')
  expect(screen.getByRole('alert').textContent).toContain('达到本小区规定的上限')
  expect(harness.ports.db.prepare("SELECT COUNT(*) FROM proxies WHERE granted_by = 'p-zhang-wei'").pluck().get()).toBe(0)
})

test('the owner revokes the proxy before any ballot is cast, after confirming', async () => {
  const h = createHarness()
  await granted(h)
  ;({ harness } = renderAs('p-zhang-wei', <ProxyPage id={DEMO_OPEN_ASSEMBLY} />, h))
  await screen.findByTestId('proxy-standing')
  fireEvent.click(screen.getByText('撤销委托'))
  expect(screen.getByText(/撤销后，陈\* 不能再为您投票/)).toBeTruthy()
  fireEvent.click(screen.getByText('确定撤销委托'))
  await screen.findByTestId('find-proxy')
  expect(harness.ports.db.prepare('SELECT revoked_by FROM proxies').pluck().get()).toBe('p-zhang-wei')
})

test('the proxy sees the 代投 entry on the assembly and votes for the owner: channel proxy, cast by the proxy', async () => {
  const h = createHarness()
  await granted(h)
  ;({ harness } = renderAs('p-chen-jing', <AssemblyPage id={DEMO_OPEN_ASSEMBLY} />, h))
  const entry = await screen.findByTestId('proxy-ballot')
  expect(entry.textContent).toContain('代投：1栋0202、1栋0203（张* 委托）')
  expect(entry.textContent).toContain('委托范围：全部议案')
  expect(within(entry).getByText('代为投票')).toBeTruthy()
  // Her own ballot is still hers to cast.
  expect(within(screen.getByTestId('my-ballot')).getByText('去投票')).toBeTruthy()

  harness.close()
  resetStores()
  const fresh = createHarness()
  await granted(fresh)
  ;({ harness } = renderAs('p-chen-jing', <BallotPage id={DEMO_OPEN_ASSEMBLY} owner='O0006' />, fresh))
  await screen.findAllByTestId('ballot-motion')
  for (const m of screen.getAllByTestId('ballot-motion')) fireEvent.click(within(m).getByText('反对'))
  fireEvent.click(screen.getByText('下一步：核对选票'))
  expect((await screen.findByTestId('review')).textContent).toContain('代投：1栋0202、1栋0203')
  fireEvent.click(screen.getByText('确认投票'))
  await screen.findByTestId('tracking-code')
  const rows = harness.ports.db.prepare("SELECT DISTINCT channel, cast_by, choice FROM ballots WHERE voter_key = 'O0006'").all()
  expect(rows).toEqual([{ channel: 'proxy', cast_by: 'p-chen-jing', choice: 'oppose' }])
})

test('during the notice period an owner is offered the proxy, not the ballot', async () => {
  const h = createHarness()
  const now = h.ports.now()
  const { assemblyId } = expectOk(await h.call('assembly-call', {
    communityId: C, title: '2027 年第一次业主大会', notice: '表决改建车库', opensAt: now + 16 * DAY_MS, closesAt: now + 23 * DAY_MS, motions: [{ title: '改建地下车库', matter: 7 }],
  }, 'p-li-jianguo'))
  ;({ harness } = renderAs('p-zhang-wei', <AssemblyPage id={assemblyId} />, h))
  const mine = await screen.findByTestId('my-ballot')
  expect(mine.textContent).toContain('我的选票：1栋0202、1栋0203')
  expect(mine.textContent).toMatch(/投票将于 .* 开始。不能亲自投票的，可以现在委托他人代投/)
  expect(within(mine).getByText('委托他人代投')).toBeTruthy()
  expect(within(mine).queryByText('去投票')).toBeNull()
  await waitFor(() => expect(screen.queryByText('正在加载…')).toBeNull())
})

test('a ballot page opened for an owner whose proxy was revoked says so, and offers no other ballot', async () => {
  const h = createHarness()
  await granted(h)
  expectOk(await h.call('proxy-revoke', { communityId: C, assemblyId: DEMO_OPEN_ASSEMBLY }, 'p-zhang-wei'))
  ;({ harness } = renderAs('p-chen-jing', <BallotPage id={DEMO_OPEN_ASSEMBLY} owner='O0006' />, h))
  await screen.findByText('您不能为这位业主投票：委托可能已被撤销。请返回业主大会查看。')
  expect(screen.queryByTestId('ballot-motion')).toBeNull()
})
