// The vote pages in jsdom against the real functions: an owner's whole flow
// from the tab to the receipt, the review warning, the sealed and published
// results, and the committee's calling and paper-ballot pages.
import { screen, fireEvent, waitFor, within } from '@testing-library/react'
import VotePage from '../../src/pages/vote/index'
import AssemblyPage from '../../src/packages/vote/pages/assembly/index'
import BallotPage from '../../src/packages/vote/pages/ballot/index'
import ResultsPage from '../../src/packages/vote/pages/results/index'
import CallAssemblyPage from '../../src/packages/vote/pages/call/index'
import PaperBallotPage from '../../src/packages/vote/pages/paper/index'
import { DEMO_CLOSED_ASSEMBLY, DEMO_OPEN_ASSEMBLY } from '../../src/seed/demo-assemblies'
import { fakePhone, renderAs, resetStores, typeInto } from '../support/pages'
import type { Harness } from '../support/harness'

jest.setTimeout(30_000)
let harness: Harness | undefined
beforeEach(() => resetStores())
afterEach(() => {
  harness?.close()
  jest.restoreAllMocks()
})


test('投票 tab: assemblies listed open first, with participation bars against the 2/3 line', async () => {
  ;({ harness } = renderAs('p-zhang-wei', <VotePage />))
  const cards = await screen.findAllByTestId('assembly-card')
  expect(cards[0].textContent).toContain('2026 年第二次业主大会')
  expect(cards[0].textContent).toContain('投票中')
  expect(within(cards[0]).getByText('查看并投票')).toBeTruthy()
  const heads = within(cards[0]).getByTestId('bar-heads')
  expect(heads.textContent).toContain('参与人数：240 人 / 777 人')
  expect(heads.textContent).toContain('尚未达到三分之二')
  expect(cards[1].textContent).toContain('结果已确认')
  // An owner is not offered the committee's button.
  expect(screen.queryByText('发起业主大会')).toBeNull()
})

test('an owner of two units votes: a choice for every motion, a review that warns, submit, a receipt with the tracking code', async () => {
  ;({ harness } = renderAs('p-zhang-wei', <BallotPage id={DEMO_OPEN_ASSEMBLY} />))
  const motions = await screen.findAllByTestId('ballot-motion')
  expect(motions).toHaveLength(3)
  expect(motions[2].textContent).toContain('四分之三以上通过')
  const next = screen.getByText('下一步：核对选票').closest('.nut-button')!
  expect(next.className).toContain('disabled')
  fireEvent.click(within(motions[0]).getByText('同意'))
  fireEvent.click(within(motions[1]).getByText('反对'))
  expect(screen.getByText('每个议案都要选择后才能继续。')).toBeTruthy()
  fireEvent.click(within(motions[2]).getByText('弃权'))
  fireEvent.click(screen.getByText('下一步：核对选票'))

  expect((await screen.findByTestId('final-warning')).textContent).toBe('选票一经投出不能更改，请仔细核对。')
  const review = screen.getByTestId('review')
  expect(review.textContent).toContain('1栋0202、1栋0203')
  expect(review.textContent).toMatch(/同意.*反对.*弃权/)
  // Going back keeps the choices.
  fireEvent.click(screen.getByText('返回修改'))
  fireEvent.click(await screen.findByText('下一步：核对选票'))
  fireEvent.click(await screen.findByText('确认投票'))

  const code = (await screen.findByTestId('tracking-code')).textContent!
  expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/)
  const stored = harness!.ports.db.prepare('SELECT motion_id, choice, tracking_code, channel FROM ballots WHERE voter_key = ? ORDER BY motion_id').all('O0006')
  expect(stored).toEqual([
    { motion_id: `${DEMO_OPEN_ASSEMBLY}-m1`, choice: 'agree', tracking_code: code, channel: 'online' },
    { motion_id: `${DEMO_OPEN_ASSEMBLY}-m2`, choice: 'oppose', tracking_code: code, channel: 'online' },
    { motion_id: `${DEMO_OPEN_ASSEMBLY}-m3`, choice: 'abstain', tracking_code: code, channel: 'online' },
  ])
  expect(screen.getByTestId('receipt').textContent).toContain('投票成功')
})

test('the assembly page shows the notice, the rules, participation per building, and the way to vote', async () => {
  ;({ harness } = renderAs('p-zhang-wei', <AssemblyPage id={DEMO_OPEN_ASSEMBLY} />))
  await screen.findByTestId('assembly')
  expect(screen.getByText('去投票')).toBeTruthy()
  expect(screen.getByTestId('buildings').textContent).toContain('10栋')
  expect(screen.getByTestId('assembly-rules').textContent).toContain('每人最多代理 3 位业主投票')
  expect(screen.queryByTestId('committee-tools')).toBeNull()
  // No choice tally anywhere while open.
  expect(screen.queryByTestId('tally')).toBeNull()
})

test('a resident sees the assembly but is told only owners vote', async () => {
  ;({ harness } = renderAs('p-liu-yang', <AssemblyPage id={DEMO_OPEN_ASSEMBLY} />))
  await screen.findByText('只有业主名册上的业主（或其代理人）可以投票。')
  expect(screen.queryByText('去投票')).toBeNull()
})

test('results: sealed while open; after the count per-motion tallies, the election and the ballot list by tracking code', async () => {
  ;({ harness } = renderAs('p-zhang-wei', <ResultsPage id={DEMO_OPEN_ASSEMBLY} />))
  await screen.findByText(/投票期间各选项的票数对任何人保密/)
  harness.close()
  resetStores()
  ;({ harness } = renderAs('p-zhang-wei', <ResultsPage id={DEMO_CLOSED_ASSEMBLY} />))
  const outcomes = await screen.findAllByTestId('outcome')
  expect(outcomes[0].textContent).toContain('当选：李建国、黄美玲、周文博')
  expect(outcomes[1].textContent).toContain('参与达到三分之二')
  const list = await screen.findByTestId('ballot-list')
  expect(list.textContent).toContain('共 540 张')
  const code = harness!.ports.db.prepare('SELECT tracking_code FROM ballots WHERE assembly_id = ? LIMIT 1').pluck().get(DEMO_CLOSED_ASSEMBLY) as string
  typeInto(list.querySelector('taro-input-core')!, code.toLowerCase())
  await waitFor(() => expect(within(list).getAllByText(new RegExp(code)).length).toBe(1))
})

test('the committee calls an assembly; the threshold shown follows the matter', async () => {
  ;({ harness } = renderAs('p-li-jianguo', <CallAssemblyPage />))
  await screen.findByText('发布公告')
  const inputs = document.querySelectorAll('taro-input-core')
  typeInto(inputs[0], '2027 年第一次业主大会')
  typeInto(document.querySelectorAll('taro-textarea-core')[0], '表决改建车库')
  const draft = screen.getByTestId('motion-draft')
  typeInto(draft.querySelector('taro-input-core')!, '改建地下车库')
  fireEvent.click(within(draft).getByText('7'))
  expect(draft.textContent).toContain('四分之三以上通过（由事项决定，不能修改）')
  fireEvent.click(screen.getByText('发布公告'))
  await screen.findByTestId('called')
  const row = harness!.ports.db.prepare("SELECT m.matter, m.title FROM motions m JOIN assemblies a ON a.id = m.assembly_id WHERE a.title = '2027 年第一次业主大会'").get()
  expect(row).toEqual({ matter: 7, title: '改建地下车库' })
})

test('the committee enters a paper ballot with a photo taken on the phone; a second one for the same owner is refused naming the first', async () => {
  fakePhone()
  ;({ harness } = renderAs('p-li-jianguo', <PaperBallotPage id={DEMO_OPEN_ASSEMBLY} />))
  await screen.findByText('录入这张纸质选票')
  const fill = async (unitNo: string) => {
    const inputs = document.querySelectorAll('taro-input-core')
    typeInto(inputs[0], '1栋')
    typeInto(inputs[1], unitNo)
    for (const b of screen.getAllByText('同意')) fireEvent.click(b)
    expect(screen.getByText('录入这张纸质选票').closest('.nut-button')!.className).toContain('disabled')
    fireEvent.click(screen.getByText('拍照或选照片'))
    await screen.findByTestId('photo-uploaded')
  }
  await fill('0202')
  fireEvent.click(screen.getByText('录入这张纸质选票'))
  await screen.findByTestId('paper-receipt')
  // The ballot row points at the photo the committee member uploaded, as a photo.
  const stored = harness!.ports.db.prepare(`SELECT f.owner_id, f.purpose FROM ballots b JOIN files f ON f.id = b.photo WHERE b.voter_key = 'O0006' LIMIT 1`).get()
  expect(stored).toEqual({ owner_id: 'p-li-jianguo', purpose: 'photo' })
  await fill('0203')
  fireEvent.click(screen.getByText('录入这张纸质选票'))
  const alert = await screen.findByRole('alert')
  expect(alert.textContent).toMatch(/已投票：该业主已于 .* 通过纸质选票投过票/)
})
