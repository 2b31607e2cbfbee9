// On a phone at 390x844: an owner reports a leak with a photo, property staff
// take it from the queue and complete it, and the owner rates the work; the
// committee changes the service times and common areas and links a repair to
// the repair-fund withdrawal that paid for it.
import { previousQuarter, quarterOf } from '../../src/domain/disclosure/quarter'
import { fill, jpeg, press, reportUrl, settled, signIn, shot, startApp, tab, tapCell, visible, type RunningApp } from './support'

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

test('the committee changes a service time and a common area, then links a repair to the repair-fund withdrawal that paid for it', async () => {
  const committee = await signIn(app, 'p-li-jianguo')
  const c = committee.page
  await tab(c, '报修').click()
  await tapCell(c, '报修设置')
  const liftUrgent = visible(c, '[data-testid="time-lift-urgent-response"] input')
  await liftUrgent.waitFor()
  // The demo promises 15 minutes to answer a lift trapping people.
  expect(await liftUrgent.inputValue()).toBe('15 分钟')
  await liftUrgent.fill('10分钟')
  await visible(c, '[data-testid="time-lift-urgent-completion"] input').fill('1个半小时')
  await visible(c, '[data-testid="time-lift-urgent-response"]').scrollIntoViewIfNeeded()
  await shot(c, 'repairs-8-settings-times')
  await press(c, '保存服务时限')
  await visible(c, '.repair-done', '服务时限已保存').waitFor()
  expect(await visible(c, '[data-testid="time-lift-urgent-completion"] input').inputValue()).toBe('1 小时 30 分钟')

  // 小区大门 becomes 南大门; the request reported there keeps its old name.
  const firstArea = visible(c, '[data-testid="area-row"] input').first()
  expect(await firstArea.inputValue()).toBe('小区大门')
  await firstArea.fill('南大门')
  await visible(c, '[aria-label="下移 南大门"]').click()
  await visible(c, '[data-testid="area-new"] input').fill('快递驿站')
  await press(c, '添加')
  await visible(c, '[data-testid="areas"] .gj-card__head').evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await shot(c, 'repairs-9-settings-areas')
  await press(c, '保存公共区域')
  await visible(c, '.repair-done', '公共区域已保存').waitFor()
  expect(await visible(c, '[data-testid="area-row"] input').nth(1).inputValue()).toBe('南大门')
  await visible(c, '.repair-done', '公共区域已保存').scrollIntoViewIfNeeded()
  await shot(c, 'repairs-10-settings-saved')

  // The gate's barrier repair (#2), paid from the fund: pick the withdrawal from the published reports.
  await c.goBack()
  await settled(c)
  const gate = visible(c, '[data-testid="repair-list-common"] [data-testid="repair-card"]', '#2 ')
  await gate.waitFor()
  expect(await gate.textContent()).toContain('小区大门')
  await gate.click()
  await settled(c)
  const option = visible(c, '[data-testid="fund-option"]', '1–4栋外墙渗漏维修')
  await option.waitFor()
  expect(await option.textContent()).toContain('¥412,300.00')
  await option.click()
  await visible(c, '[data-testid="fund-link"]').scrollIntoViewIfNeeded()
  await shot(c, 'repairs-11-fund-picker')
  await press(c, '关联到所选支取')
  await visible(c, '.repair-done', '已关联维修资金支出').waitFor()
  await visible(c, '[data-testid="fund-withdrawal"]', '1–4栋外墙渗漏维修 · ¥412,300.00').waitFor()
  await visible(c, '[data-testid="repair-detail"]').scrollIntoViewIfNeeded()
  await shot(c, 'repairs-12-fund-linked')

  // The owners' report of that quarter names the repair the money went to.
  await c.goto(reportUrl(app, previousQuarter(quarterOf(Date.now()))))
  const paid = visible(c, '[data-testid="withdrawal-repairs"]', '用于报修单 #2')
  await paid.waitFor()
  await paid.scrollIntoViewIfNeeded()
  await shot(c, 'repairs-13-report-withdrawal')
  await committee.context.close()
})
