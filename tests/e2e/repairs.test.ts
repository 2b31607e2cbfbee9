// On a phone at 390x844: an owner reports a leak with a photo, property staff
// take it from the queue and complete it, and the owner rates the work.
import { fill, jpeg, press, settled, signIn, shot, startApp, tab, tapCell, visible, type RunningApp } from './support'

let app: RunningApp
beforeAll(async () => { app = await startApp() })
afterAll(async () => { await app?.stop() })

test('an owner reports a leak with a photo, staff complete it, the owner rates it', async () => {
  const owner = await signIn(app, 'p-zhang-wei')
  const o = owner.page
  await tab(o, '报修').click()
  await visible(o, '.nut-button', '我要报修').waitFor()
  await visible(o, '[data-testid="repair-list-mine"]').waitFor()
  await shot(o, 'repairs-1-tab')

  await press(o, '我要报修')
  await visible(o, 'taro-text-core', '1栋 0202（我家）').waitFor()
  await press(o, '紧急')
  await visible(o, '[data-testid="promise"]', '物业承诺：30 分钟内接单，4 小时内修好').waitFor()
  await fill(o, 'textarea', '厨房水槽下面的水管漏水，地上都是水')
  const chooser = o.waitForEvent('filechooser')
  await press(o, '拍照或选照片')
  await (await chooser).setFiles({ name: 'leak.jpg', mimeType: 'image/jpeg', buffer: await jpeg(o) })
  await visible(o, '.gj-card__head', '照片（1/9）').waitFor()
  // The thumbnail is served back by the host from the uploaded file.
  await o.waitForFunction(() => Array.from(document.querySelectorAll('.repair-photo img')).some((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0))
  await fill(o, 'input[placeholder="如：今天下午 3 点后"]', '今天下午 3 点后')
  await shot(o, 'repairs-2-report-form')
  await press(o, '提交报修')
  await settled(o)
  const detail = visible(o, '[data-testid="repair-detail"]')
  await detail.waitFor()
  const no = /#(\d+)/.exec((await detail.textContent())!)![1]
  await visible(o, '[data-testid="due"]', /物业承诺 .* 前接单/).waitFor()
  await shot(o, 'repairs-3-reported')

  const staff = await signIn(app, 'p-zhao-lei')
  const s = staff.page
  await tab(s, '报修').click()
  await tapCell(s, '待处理报修')
  const card = visible(s, '[data-testid="repair-card"]', `#${no} `)
  await card.waitFor()
  await shot(s, 'repairs-4-queue')
  await card.click()
  await settled(s)
  await press(s, '接单')
  await fill(s, 'input[placeholder="维修人员，如：王师傅"]', '王师傅')
  await press(s, '派工')
  await visible(s, '.repair-done', '已派给王师傅').waitFor()
  await press(s, '开始维修')
  await visible(s, '.repair-done', '已开始维修').waitFor()
  await fill(s, 'textarea', '更换了水槽下的软管，已试水不漏')
  await press(s, '完工')
  await visible(s, '.repair-done', '已完工，等待业主确认').waitFor()
  await shot(s, 'repairs-5-completed-by-staff')
  await staff.context.close()

  // Back on the owner's phone: the request now waits for the owner.
  await o.goBack()
  await tab(o, '报修').click()
  await visible(o, '[data-testid="repair-card"]', `#${no} `).click()
  await settled(o)
  await visible(o, '.gj-card__head', '修好了吗？请打分').waitFor()
  await visible(o, '[aria-label="4 星"]').click()
  await fill(o, 'input[placeholder="说说您的评价（可不填）"]', '来得很快')
  await shot(o, 'repairs-6-rate')
  await press(o, '确认修好并评价')
  await visible(o, '.repair-done', '谢谢您的评价').waitFor()
  await visible(o, '[data-testid="rating"]', '★★★★☆').waitFor()
  await visible(o, '[data-testid="timeline"]', '确认并评价 · 张伟').waitFor()
  await shot(o, 'repairs-7-rated')
  await owner.context.close()
})
