// The development sign-in page: the demo community's people grouped by role.
// Served only when the host runs in development mode, and says so on screen.
import { ROLE_LABELS, ROLES, type Role } from '../domain/roles'
import type { Person } from '../cloud/kit/ports'
import type { OutboxRow } from '../cloud/kit/hosting'

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export interface SigninEntry {
  person: Person
  roles: Role[]
  title?: string
}

function group(heading: string, people: SigninEntry[]): string {
  const items = people
    .map((e) => `<li><form method="post" action="/dev/signin"><input type="hidden" name="personId" value="${esc(e.person.id)}">
        <button type="submit" data-person="${esc(e.person.id)}"><b>${esc(e.person.name)}</b><span>${esc(e.title ?? e.roles.map((r) => ROLE_LABELS[r]).join('、'))}</span></button></form></li>`)
    .join('')
  return `<section><h2>${esc(heading)}</h2><ul>${items}</ul></section>`
}

export function signinPage(communityName: string, entries: SigninEntry[]): string {
  const groups = ROLES.map((role) => {
    const people = entries.filter((e) => e.roles.includes(role))
    if (people.length === 0) return ''
    return group(ROLE_LABELS[role], people)
  }).join('')
  const newcomers = entries.filter((e) => e.roles.length === 0)
  const newcomerGroup = newcomers.length === 0 ? '' : group('尚未加入小区', newcomers)
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>开发模式登录 · 共建家园</title>
<style>
body{margin:0;font-family:"Noto Sans CJK SC","PingFang SC",sans-serif;background:#f5f6f8;color:#1f2329}
header{background:#0b6e4f;color:#fff;padding:20px 16px}
header h1{margin:0;font-size:22px}
.badge{display:inline-block;background:#ffb020;color:#1f2329;border-radius:4px;padding:2px 8px;font-size:13px;font-weight:bold;margin-bottom:8px}
p.hint{margin:8px 0 0;font-size:14px;opacity:.9}
section{margin:16px}
h2{font-size:16px;color:#646a73;margin:0 0 8px}
ul{list-style:none;margin:0;padding:0;background:#fff;border-radius:12px;overflow:hidden}
li+li{border-top:1px solid #eef0f3}
button{all:unset;box-sizing:border-box;display:flex;justify-content:space-between;align-items:center;width:100%;padding:14px 16px;font-size:17px;cursor:pointer}
button span{color:#8f959e;font-size:14px}
</style></head><body>
<header><div class="badge">开发模式</div><h1>选择身份登录</h1>
<p class="hint">${esc(communityName)} · 演示数据。此页面只在本地开发模式下存在，正式小程序以微信身份登录。</p></header>
${groups}${newcomerGroup}
</body></html>`
}

/** What would have been sent as WeChat subscription messages, newest first. */
export function outboxPage(rows: OutboxRow[]): string {
  const items = rows.map((r) => `<li><b>${esc(r.title)}</b><span>${esc(r.recipient_id)} · ${new Date(r.created_at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}</span><p>${esc(r.body)}</p></li>`).join('')
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>通知发件箱 · 开发模式</title>
<style>body{margin:0;font-family:"Noto Sans CJK SC",sans-serif;background:#f5f6f8}header{background:#0b6e4f;color:#fff;padding:16px}
.badge{background:#ffb020;color:#1f2329;border-radius:4px;padding:2px 8px;font-size:13px;font-weight:bold}
ul{list-style:none;margin:12px;padding:0}li{background:#fff;border-radius:10px;padding:12px;margin-bottom:8px}
li span{display:block;color:#8f959e;font-size:13px}li p{margin:6px 0 0}</style></head><body>
<header><span class="badge">开发模式</span><h1>通知发件箱</h1><p>本地主机不发送微信订阅消息，这里列出本应发送的通知。</p></header>
<ul>${items || '<li>还没有通知。</li>'}</ul></body></html>`
}
