// After the count, in jsdom against the real functions: the committee upholds
// an objection and records the corrected choice on the assembly page; the
// results page then shows the correction, the figures before it, the ballot
// list with the correction beside the choice; and the download button hands
// over a ZIP whose files the independent recount turns into the same result.
import { screen, fireEvent, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import AssemblyPage from '../../src/packages/vote/pages/assembly/index'
import ResultsPage from '../../src/packages/vote/pages/results/index'
import { DEMO_CLOSED_ASSEMBLY, DEMO_OPEN_ASSEMBLY } from '../../src/seed/demo-assemblies'
import { DEMO_COMMUNITY_ID } from '../../src/seed/demo-community'
import type { AssemblyCount } from '../../src/domain/voting/result'
import { bytesOf, renderAs, resetStores, typeInto } from '../support/pages'
import { createHarness, expectOk, type Harness } from '../support/harness'
import { expectSameRecount } from '../support/recount'
import { unzipAll } from '../support/unzip'

jest.setTimeout(60_000)
const C = DEMO_COMMUNITY_ID
const ref = { communityId: C, assemblyId: DEMO_OPEN_ASSEMBLY }
let harness: Harness | undefined
beforeEach(() => resetStores())
afterEach(() => {
  harness?.close()
  jest.restoreAllMocks()
})


/** 张伟 votes agree on all three motions, the vote closes and is counted, and he disputes motion 1. */
async function disputed(): Promise<{ h: Harness; code: string }> {
  const h = createHarness()
  const a = expectOk(await h.call('assembly-get', ref, 'p-zhang-wei'))
  const { trackingCode } = expectOk(await h.call('ballot-cast', { ...ref, votes: a.motions.map((m) => ({ motionId: m.id, choice: 'agree' })) }, 'p-zhang-wei'))
  h.setNow(a.closesAt)
  expectOk(await h.call('assembly-close', ref, 'p-li-jianguo'))
  expectOk(await h.call('objection-file', { ...ref, trackingCode, text: '议案 1 我投的是反对' }, 'p-zhang-wei'))
  return { h, code: trackingCode }
}

/** Captures what the page hands the browser to download: the file name and its bytes. */
function catchDownload(): Promise<{ name: string; bytes: Uint8Array }> {
  let blob: Blob | null = null
  Object.assign(URL, { createObjectURL: (b: Blob) => ((blob = b), 'blob:export'), revokeObjectURL: () => undefined })
  return new Promise((resolve) => {
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      void bytesOf(blob!).then((bytes) => resolve({ name: this.download, bytes }))
    })
  })
}

test('the committee upholds an objection with the corrected choice; the card then says what changed', async () => {
  const { h, code } = await disputed()
  ;({ harness } = renderAs('p-li-jianguo', <AssemblyPage id={DEMO_OPEN_ASSEMBLY} />, h))
  const card = await screen.findByTestId('objection')
  expect(card.textContent).toContain(`查验码 ${code}`)
  const rows = await within(card).findAllByTestId('correct-motion')
  expect(rows.map((r) => r.textContent!.trim().slice(0, 12))).toEqual(['议案 1：原记录「同意」', '议案 2：原记录「同意」', '议案 3：原记录「同意」'])
  // Until a choice differs, upholding changes nothing in the count, and says so.
  expect(within(card).getByText('异议成立（计票不变）')).toBeTruthy()
  fireEvent.click(within(rows[0]).getByText('反对'))
  expect(rows[0].textContent).toContain('更正为「反对」')
  typeInto(card.querySelector('taro-textarea-core')!, '核对签名底稿，业主所述属实')
  // A correction cannot go with a dismissal.
  expect(within(card).getByText('异议不成立').closest('.nut-button')!.className).toContain('disabled')
  fireEvent.click(within(card).getByText('异议成立，更正 1 项'))
  await waitFor(() => expect(screen.getByTestId('objection').textContent).toContain('已更正：议案 1 由「同意」改为「反对」'))
  expect(screen.getByTestId('objection').textContent).toContain('理由：核对签名底稿，业主所述属实')
  const stored = harness.ports.db.prepare('SELECT motion_id, voter_key, choice, corrected_by FROM ballot_corrections').all()
  expect(stored).toEqual([{ motion_id: `${DEMO_OPEN_ASSEMBLY}-m1`, voter_key: 'O0006', choice: 'oppose', corrected_by: 'p-li-jianguo' }])
})

test('results show the correction and the figures before it; the downloaded ZIP recounts to the result shown', async () => {
  const { h, code } = await disputed()
  expectOk(await h.call('objection-resolve', { ...ref, objectionId: (await h.ports.voting.objections(DEMO_OPEN_ASSEMBLY))[0].id, resolution: 'upheld', reason: '核对签名底稿', corrections: [{ motionId: `${DEMO_OPEN_ASSEMBLY}-m1`, choice: 'oppose' }] }, 'p-li-jianguo'))
  const shown = expectOk(await h.call('assembly-get', ref, 'p-zhang-wei')).result!
  ;({ harness } = renderAs('p-zhang-wei', <ResultsPage id={DEMO_OPEN_ASSEMBLY} />, h))
  const corrections = await screen.findByTestId('corrections')
  expect(corrections.textContent).toContain(`查验码 ${code} · 议案 1：原记录「同意」，更正为「反对」`)
  expect(corrections.textContent).toContain('下方结果已按更正重新计算')
  // Motion 1 shows the figures as first published beside the corrected ones: one head moved from agree to oppose.
  const [m1, m2] = screen.getAllByTestId('outcome')
  const before = shown.preliminary!.motions[0]
  const after = shown.count.motions[0]
  if (before.kind !== 'motion' || after.kind !== 'motion') throw new Error('motion expected')
  expect(after.result.published.agree.heads).toBe(before.result.published.agree.heads - 1)
  expect(after.result.published.oppose.heads).toBe(before.result.published.oppose.heads + 1)
  expect(within(m1).getByTestId('before-correction').textContent).toContain(`更正前（初步公示）：同意 ${before.result.published.agree.heads} 人`)
  expect(within(m2).queryByTestId('before-correction')).toBeNull()
  const list = await screen.findByTestId('ballot-list')
  typeInto(list.querySelector('taro-input-core')!, code)
  await waitFor(() => expect(within(list).getByTestId('listed-ballot').textContent).toContain('同意→更正为反对 / 同意 / 同意'))

  const download = catchDownload()
  fireEvent.click(screen.getByText('下载表决数据'))
  const { name, bytes } = await download
  expect(name).toBe('2026-年第二次业主大会：物业服务与公共收益-表决数据.zip')
  expect((await screen.findByTestId('export-done')).textContent).toBe(`已下载：${name}`)
  const files = unzipAll(bytes)
  expect(Object.keys(files).sort()).toEqual(['audit.json', 'ballots.csv', 'corrections.csv', 'motions.csv', 'result.json', 'roll.csv'])
  const result = JSON.parse(Buffer.from(files['result.json']).toString('utf8')) as { current: { count: AssemblyCount } }
  // What the page showed is what the files recount to.
  expect(result.current.count).toEqual(shown.count)
  expectSameRecount(files, shown.count)
})

test('the certified demo election downloads and recounts to its published tallies', async () => {
  ;({ harness } = renderAs('p-sun-li', <ResultsPage id={DEMO_CLOSED_ASSEMBLY} />))
  await screen.findAllByTestId('outcome')
  expect(screen.queryByTestId('corrections')).toBeNull()
  const download = catchDownload()
  fireEvent.click(screen.getByText('下载表决数据'))
  const files = unzipAll((await download).bytes)
  const result = JSON.parse(Buffer.from(files['result.json']).toString('utf8')) as { published: Array<{ stage: string; count: AssemblyCount }> }
  expectSameRecount(files, result.published.find((p) => p.stage === 'certified')!.count)
})

test('on WeChat the ZIP is written to the mini-program\'s folder, then sent to a chat with a second tap', async () => {
  const written: Array<{ path: string; bytes: Uint8Array }> = []
  const shared: unknown[] = []
  const taro = Taro as unknown as Record<string, unknown>
  const saved = { env: taro.env, getFileSystemManager: taro.getFileSystemManager, shareFileMessage: taro.shareFileMessage }
  Object.assign(taro, {
    env: { USER_DATA_PATH: 'wxfile://usr' },
    getFileSystemManager: () => ({ writeFileSync: (path: string, data: ArrayBuffer) => written.push({ path, bytes: new Uint8Array(data) }) }),
    shareFileMessage: async (o: unknown) => { shared.push(o) },
  })
  process.env.TARO_ENV = 'weapp'
  try {
    ;({ harness } = renderAs('p-zhang-wei', <ResultsPage id={DEMO_CLOSED_ASSEMBLY} />))
    await screen.findAllByTestId('outcome')
    fireEvent.click(screen.getByText('下载表决数据'))
    const done = await screen.findByTestId('export-done')
    const name = '2026-年第一次业主大会：换届选举-表决数据.zip'
    expect(done.textContent).toContain(`已保存：${name}。微信里不能直接打开压缩包`)
    expect(written.map((w) => w.path)).toEqual([`wxfile://usr/${name}`])
    expect(Object.keys(unzipAll(written[0].bytes))).toContain('ballots.csv')
    expect(shared).toEqual([])
    fireEvent.click(screen.getByText('发送到聊天'))
    await waitFor(() => expect(shared).toEqual([{ filePath: `wxfile://usr/${name}`, fileName: name }]))
  } finally {
    process.env.TARO_ENV = 'h5'
    Object.assign(taro, saved)
  }
})
