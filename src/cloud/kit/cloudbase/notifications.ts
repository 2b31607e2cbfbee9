// Notices on WeChat: one subscription message per recipient, through
// openapi.subscribeMessage.send. Which template a kind of notice uses, and
// which template fields carry its title and body, are settings (the template
// ids belong to the mini-program's account). A keyed notice is recorded under
// the _id `key|recipient` before it is sent, so the database lets it through
// once per recipient, however often or concurrently it is sent.
import type { NotificationPort } from '../ports'
import { COLLECTIONS, ids, type NoticeSentDoc, type PersonDoc } from './collections'
import { addUnique, getOrNull } from './errors'
import type { WxCloud } from './sdk'

export interface NoticeTemplate {
  /** The subscription template's id from the WeChat admin console. */
  id: string
  /** Template fields for the title and the body, e.g. thing1 and thing2 (20 characters each at most). */
  titleField: string
  bodyField: string
}

export interface NotificationSettings {
  /** By notice kind, e.g. "assembly.opened"; kinds without a template are not sent. */
  templates: Record<string, NoticeTemplate>
  miniprogramState?: 'developer' | 'trial' | 'formal'
}

/** The settings from the function's environment variable SUBSCRIBE_TEMPLATES (JSON), or none. */
export function notificationSettingsFromEnv(env: Record<string, string | undefined>): NotificationSettings {
  const raw = env.SUBSCRIBE_TEMPLATES
  if (!raw) return { templates: {} }
  const parsed = JSON.parse(raw) as Partial<NotificationSettings>
  return { templates: parsed.templates ?? {}, miniprogramState: parsed.miniprogramState ?? 'formal' }
}

/** thing.DATA fields take at most 20 characters. */
const clip = (s: string) => (Array.from(s).length > 20 ? `${Array.from(s).slice(0, 19).join('')}…` : s)

export function cloudbaseNotifications(cloud: WxCloud, settings: NotificationSettings): NotificationPort {
  const db = () => cloud.database()
  return {
    async send(n) {
      const template = settings.templates[n.kind]
      if (!template) {
        console.warn(`[notifications] no subscription template for ${n.kind}; not sent`)
        return 0
      }
      let sent = 0
      for (const recipientId of n.recipientIds) {
        if (n.dedupeKey) {
          const first = await addUnique(db().collection<NoticeSentDoc>(COLLECTIONS.noticesSent), { _id: ids.noticeSent(n.dedupeKey, recipientId), communityId: n.communityId, recipientId, kind: n.kind, at: n.at })
          if (!first) continue
        }
        const person = await getOrNull(db().collection<PersonDoc>(COLLECTIONS.people).doc(recipientId))
        if (!person) continue
        try {
          await cloud.openapi.subscribeMessage.send({
            touser: person.openid, templateId: template.id, page: n.page, miniprogramState: settings.miniprogramState ?? 'formal',
            data: { [template.titleField]: { value: clip(n.title) }, [template.bodyField]: { value: clip(n.body) } },
          })
          sent++
        } catch (e) {
          // Most often 43101: the person has not subscribed (or used up the
          // one-time permission). Not an error for the use case that notified.
          console.warn(`[notifications] ${n.kind} to ${recipientId} not delivered: ${(e as { errCode?: number }).errCode ?? (e as Error).message}`)
        }
      }
      return sent
    },
  }
}
