// On a phone (390x844): an owner of two units votes — from the 投票 tab to the
// assembly, a choice for each motion, the review screen's warning, the
// receipt with its tracking code, and the participation bars afterwards; an
// owner names a neighbour as proxy with a photo of the signed 委托书 and the
// proxy votes for her; anyone downloads a counted assembly's data and the
// independent recount gives its published result.
import { mkdtempSync, rmSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AssemblyCount } from '../../src/domain/voting/result'
import { expectSameRecount } from '../support/recount'
import { unzipAll } from '../support/unzip'
import { fill, jpeg, press, signIn, shot, startApp, visible, type RunningApp } from './support'

let app: RunningApp
beforeAll(async () => { app = await startApp() })
afterAll(async () => { await app?.stop() })

test('an owner votes at phone size, sees the receipt and the participation bars', async () => {
  const { context, page } = await signIn(app, 'p-zhang-wei')
  await visible(page, '[data-testid="assembly-card"]', '2026 年第二次业主大会').waitFor()
  await visible(page, '[data-testid="bar-heads"]', '240 人 / 777 人').first().waitFor()
  await shot(page, 'vote-1-tab')

  await visible(page, '.nut-button', '查看并投票').first().click()
  await visible(page, '[data-testid="assembly"]').waitFor()
  await visible(page, '[data-testid="buildings"]').waitFor()
  await shot(page, 'vote-2-assembly')

  await visible(page, '.nut-button', '去投票').click()
  const motions = visible(page, '[data-testid="ballot-motion"]')
  await motions.first().waitFor()
  expect(await motions.count()).toBe(3)
  await motions.nth(0).locator('.gj-choice', { hasText: '同意' }).click()
  await motions.nth(1).locator('.gj-choice', { hasText: '反对' }).click()
  await motions.nth(2).locator('.gj-choice', { hasText: '弃权' }).click()
  await shot(page, 'vote-3-choose')
  await visible(page, '.nut-button', '下一步：核对选票').click()
  await visible(page, '[data-testid="final-warning"]', '选票一经投出不能更改').waitFor()
  await shot(page, 'vote-4-review')
  await visible(page, '.nut-button', '确认投票').click()

  const code = visible(page, '[data-testid="tracking-code"]')
  await code.waitFor()
  expect(await code.textContent()).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/)
  await shot(page, 'vote-5-receipt')

  await visible(page, '.nut-button', '返回业主大会').click()
  await visible(page, '[data-testid="bar-heads"]', '241 人 / 777 人').waitFor()
  await visible(page, '[data-testid="my-ballot"]', '查验码').waitFor()
  await shot(page, 'vote-6-after')
  await context.close()
})

test('an owner names a proxy with a photo of the 委托书; the proxy sees 代投 and votes for her', async () => {
  const owner = await signIn(app, 'p-wang-xiuying')
  const o = owner.page
  await visible(o, '.nut-button', '查看并投票').first().click()
  const mine = visible(o, '[data-testid="my-ballot"]')
  await mine.waitFor()
  await mine.locator('.nut-button', { hasText: '委托他人代投' }).click()
  await visible(o, '[data-testid="find-proxy"]').waitFor()
  await fill(o, 'input[placeholder="楼栋，例如 4栋"]', '4栋')
  await fill(o, 'input[placeholder="房号，例如 0302"]', '0302')
  await press(o, '查找')
  await visible(o, '[data-testid="proxy-candidate"]', '陈*（4栋0302 业主）').click()
  const chooser = o.waitForEvent('filechooser')
  await press(o, '拍照或选照片')
  await (await chooser).setFiles({ name: '委托书.jpg', mimeType: 'image/jpeg', buffer: await jpeg(o) })
  // The photo is served back by the host from the uploaded file.
  await o.waitForFunction(() => Array.from(document.querySelectorAll('.vote-photo__img img')).some((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0))
  await shot(o, 'vote-7-proxy-form')
  await press(o, '确认委托 陈\\*')
  await visible(o, '[data-testid="proxy-standing"]', '已委托 陈* 代为投票').waitFor()
  await shot(o, 'vote-8-proxy-named')
  await press(o, '返回业主大会')
  const named = visible(o, '[data-testid="my-ballot"]', '已委托 陈* 代为投票（全部议案）')
  await named.waitFor()
  await named.scrollIntoViewIfNeeded()
  await shot(o, 'vote-8b-assembly-proxy-named')
  await owner.context.close()

  const proxy = await signIn(app, 'p-chen-jing')
  const p = proxy.page
  await visible(p, '.nut-button', '查看并投票').first().click()
  const entry = visible(p, '[data-testid="proxy-ballot"]', '代投：1栋0302（王*英 委托）')
  await entry.waitFor()
  await entry.scrollIntoViewIfNeeded()
  await shot(p, 'vote-9-proxy-entry')
  await entry.locator('.nut-button', { hasText: '代为投票' }).click()
  const motions = visible(p, '[data-testid="ballot-motion"]')
  await motions.first().waitFor()
  for (let i = 0; i < (await motions.count()); i++) await motions.nth(i).locator('.gj-choice', { hasText: '同意' }).click()
  await press(p, '下一步：核对选票')
  await visible(p, '[data-testid="review"]', '代投：1栋0302').waitFor()
  await press(p, '确认投票')
  await visible(p, '[data-testid="tracking-code"]').waitFor()
  await shot(p, 'vote-10-proxy-receipt')
  await press(p, '返回业主大会，查看参与情况')
  await visible(p, '[data-testid="proxy-ballot"]', '通过代理人投票').waitFor()
  await visible(p, '[data-testid="bar-heads"]', '242 人 / 777 人').waitFor()
  await proxy.context.close()
})

test('anyone downloads a counted assembly\'s data as a ZIP, and the recount gives the certified result', async () => {
  const { context, page } = await signIn(app, 'p-sun-li')
  await visible(page, '[data-testid="assembly-card"]', '换届选举').locator('.nut-button', { hasText: '查看详情' }).click()
  await press(page, '查看表决结果')
  await visible(page, '[data-testid="export"]').scrollIntoViewIfNeeded()
  await shot(page, 'vote-11-results-export')
  const download = page.waitForEvent('download')
  await press(page, '下载表决数据')
  const file = await download
  expect(file.suggestedFilename()).toBe('2026-年第一次业主大会：换届选举-表决数据.zip')
  const dir = mkdtempSync(join(tmpdir(), 'gj-download-'))
  try {
    const path = join(dir, 'export.zip')
    await file.saveAs(path)
    const files = unzipAll(new Uint8Array(await readFile(path)))
    const result = JSON.parse(Buffer.from(files['result.json']).toString('utf8')) as { published: Array<{ stage: string; count: AssemblyCount }> }
    expectSameRecount(files, result.published.find((r) => r.stage === 'certified')!.count)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  await visible(page, '[data-testid="export-done"]', '已下载').waitFor()
  await shot(page, 'vote-12-export-done')
  await context.close()
})
