// A captain logs an item for 1栋 0202 and assigns it to the property company;
// the property company completes it with a note; the owner confirms it. Three
// people, three phones (390x844), one local host.
import { signIn, shot, startApp, tab, tapCell, visible, type RunningApp } from './support'

let app: RunningApp
beforeAll(async () => { app = await startApp() })
afterAll(async () => { await app?.stop() })

const DESCRIPTION = '二楼楼道灯不亮，晚上看不清台阶'

test('captain logs, property completes, owner confirms', async () => {
  // 1. The captain of 1–3栋 logs what the owner of 1栋 0202 raised at the reception day.
  const captain = await signIn(app, 'p-wang-xiuying')
  await tab(captain.page, '楼长').click()
  await visible(captain.page, '.gj-card', '我负责的楼栋').waitFor()
  await shot(captain.page, 'captains-1-tab-captain')
  await tapCell(captain.page, '登记反映事项')
  await visible(captain.page, '.raise-unit input').fill('0202')
  await visible(captain.page, '.raise-description textarea').fill(DESCRIPTION)
  await shot(captain.page, 'captains-2-log-form')
  await visible(captain.page, '.nut-button', '提交').click()
  await visible(captain.page, '.cap-done', '已登记，点此查看并分派').click()
  await visible(captain.page, '.nut-button', '分派给物业').click()
  await visible(captain.page, '.cap-done', '已分派给物业').waitFor()
  await visible(captain.page, '.nut-tag', '已分派').waitFor()
  await shot(captain.page, 'captains-3-assigned')
  await captain.context.close()

  // 2. The property company finds it among its tasks and completes it with a note.
  const property = await signIn(app, 'p-zhao-lei')
  await tab(property.page, '楼长').click()
  await tapCell(property.page, '我的整改任务')
  await visible(property.page, '.cap-item', DESCRIPTION).waitFor()
  await shot(property.page, 'captains-4-property-tasks')
  await visible(property.page, '.cap-item', DESCRIPTION).click()
  await visible(property.page, '.nut-button', '完成整改').waitFor()
  await visible(property.page, '.cap-textarea textarea').fill('已更换二楼楼道灯两盏')
  await visible(property.page, '.nut-button', '完成整改').click()
  await visible(property.page, '.cap-done', '已提交完成，等待业主确认').waitFor()
  await shot(property.page, 'captains-5-completed')
  await property.context.close()

  // 3. The owner of 1栋 0202 sees it under their items and confirms it.
  const owner = await signIn(app, 'p-zhang-wei')
  await tab(owner.page, '楼长').click()
  await tapCell(owner.page, '我反映的问题')
  await visible(owner.page, '.cap-item', DESCRIPTION).click()
  await visible(owner.page, '.cap-step', '完成整改 · 赵磊').waitFor()
  await shot(owner.page, 'captains-6-owner-sees-completion')
  await visible(owner.page, '.nut-button', '确认完成').click()
  await visible(owner.page, '.cap-done', '已确认完成，谢谢').waitFor()
  await visible(owner.page, '.nut-tag', '已确认完成').waitFor()
  const timeline = await visible(owner.page, '[data-testid="timeline"]').innerText()
  expect(timeline).toMatch(/登记 · 王秀英[\s\S]*分派 · 王秀英[\s\S]*完成整改 · 赵磊[\s\S]*确认完成 · 张伟/)
  await shot(owner.page, 'captains-7-confirmed')
  await owner.context.close()
})

test('the committee prints the month\'s summary', async () => {
  const { context, page } = await signIn(app, 'p-li-jianguo')
  await tab(page, '楼长').click()
  await tapCell(page, '月度汇总')
  await visible(page, '[data-testid="month"]', '楼长月会汇总').waitFor()
  await visible(page, '.nut-button', '打印 / 存为 PDF').waitFor()
  await shot(page, 'captains-8-month')
  await context.close()
})
