// 报修设置 (committee): the service-time commitments — for every category and
// urgency, how soon staff must take a request and finish it, typed the way
// people say it ("30分钟", "4小时", "2天") — and the list of common areas
// owners pick from when they report a repair outside their home.
import { View, Text, Input } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { AsyncView } from '../../../../components/async-view'
import { PageShell } from '../../../../components/page-shell'
import { Button } from '../../../../components/ui'
import { useCommunity } from '../../../../components/use-community'
import { MAX_AREA_LENGTH, MAX_COMMON_AREAS, normArea } from '../../../../domain/repairs/areas'
import { CATEGORY_LABELS, REPAIR_CATEGORIES, URGENCIES, URGENCY_LABELS, commitmentFor, formatMinutes, parseDuration, type Commitment, type RepairCategory, type Urgency } from '../../../../domain/repairs/commitments'
import { repairSettingsResource, saveRepairAreas, saveRepairCommitments } from '../../../../stores/repairs'
import { hasRole } from '../../../../stores/session'
import '../repair.scss'

type Phase = 'response' | 'completion'
const PHASE_LABELS: Record<Phase, string> = { response: '接单', completion: '修好' }
const cell = (category: RepairCategory, urgency: Urgency, phase: Phase) => `${category}-${urgency}-${phase}`

type Done = (message: string | null) => void

/** Runs a save; its confirmation is kept by the page, since a saved form starts again (remounts) from what is stored. */
function useSave(onDone: Done) {
  const [busy, setBusy] = useState(false)
  const run = async (save: () => Promise<unknown>, message: string) => {
    setBusy(true)
    onDone(null)
    try {
      await save()
      onDone(message)
    } catch {
      // Shown in the notice bar.
    } finally {
      setBusy(false)
    }
  }
  return { busy, run }
}

function Commitments({ communityId, commitments, done, onDone }: { communityId: string; commitments: Commitment[]; done: string | null; onDone: Done }) {
  const initial = () => {
    const texts: Record<string, string> = {}
    for (const category of REPAIR_CATEGORIES) {
      for (const urgency of URGENCIES) {
        const c = commitmentFor(commitments, category, urgency)
        texts[cell(category, urgency, 'response')] = c ? formatMinutes(c.responseMinutes) : ''
        texts[cell(category, urgency, 'completion')] = c ? formatMinutes(c.completionMinutes) : ''
      }
    }
    return texts
  }
  const [texts, setTexts] = useState(initial)
  const [unreadable, setUnreadable] = useState<string[]>([])
  const save = useSave(onDone)

  const submit = () => {
    const list: Commitment[] = []
    const bad: string[] = []
    for (const category of REPAIR_CATEGORIES) {
      for (const urgency of URGENCIES) {
        const [response, completion] = (['response', 'completion'] as Phase[]).map((phase) => {
          const minutes = parseDuration(texts[cell(category, urgency, phase)])
          if (minutes === null) bad.push(cell(category, urgency, phase))
          return minutes ?? 0
        })
        list.push({ category, urgency, responseMinutes: response, completionMinutes: completion })
      }
    }
    setUnreadable(bad)
    // Whether the times make sense together (接单 before 修好) is the server's check, shown in the notice bar.
    if (bad.length === 0) void save.run(() => saveRepairCommitments({ communityId, commitments: list }), '服务时限已保存。以后的报修按新时限计算，已经提交的报修仍按原来的承诺。')
  }

  return (
    <View className='gj-card' data-testid='commitments'>
      <View className='gj-card__head'>服务时限</View>
      <Text className='gj-muted repair-hint repair-note'>物业多久内接单、多久内修好。请用数字加单位填写，例如 30分钟、4小时、1.5小时、2天。</Text>
      {REPAIR_CATEGORIES.map((category) => (
        <View key={category} className='repair-times'>
          <View className='repair-times__head'>{CATEGORY_LABELS[category]}</View>
          {URGENCIES.map((urgency) => (
            <View key={urgency} className='repair-times__row'>
              <Text className={`repair-times__urgency${urgency === 'urgent' ? ' repair-late' : ''}`}>{URGENCY_LABELS[urgency]}</Text>
              {(['response', 'completion'] as Phase[]).map((phase) => {
                const id = cell(category, urgency, phase)
                const wrong = unreadable.includes(id)
                return (
                  <View key={phase} className='repair-times__field' data-testid={`time-${id}`}>
                    <Text className='repair-times__label'>{PHASE_LABELS[phase]}</Text>
                    <Input className={`repair-input${wrong ? ' repair-input--wrong' : ''}`} value={texts[id]} maxlength={20}
                      onInput={(e) => setTexts((t) => ({ ...t, [id]: e.detail.value }))} />
                  </View>
                )
              })}
            </View>
          ))}
          {URGENCIES.flatMap((urgency) => (['response', 'completion'] as Phase[]).filter((phase) => unreadable.includes(cell(category, urgency, phase))).map((phase) => (
            <View key={`${urgency}-${phase}`} className='repair-hint repair-late' data-testid='time-problem'>
              {CATEGORY_LABELS[category]}（{URGENCY_LABELS[urgency]}）的{PHASE_LABELS[phase]}时限看不懂，请写成 30分钟、4小时 或 2天 这样
            </View>
          )))}
        </View>
      ))}
      <Button type='primary' block disabled={save.busy} onClick={submit}>{save.busy ? '正在保存…' : '保存服务时限'}</Button>
      {done && <View className='repair-done' role='status'>{done}</View>}
    </View>
  )
}

function Areas({ communityId, areas: saved, done, onDone }: { communityId: string; areas: string[]; done: string | null; onDone: Done }) {
  const [areas, setAreas] = useState(saved)
  const [name, setName] = useState('')
  const [hint, setHint] = useState<string | null>(null)
  const save = useSave(onDone)
  const move = (i: number, by: -1 | 1) => setAreas((list) => {
    const next = [...list]
    ;[next[i], next[i + by]] = [next[i + by], next[i]]
    return next
  })
  const add = () => {
    const tidy = normArea(name)
    if (!tidy) return
    if (areas.some((a) => normArea(a) === tidy)) return setHint(`已经有「${tidy}」了`)
    setAreas((list) => [...list, tidy])
    setName('')
    setHint(null)
  }
  return (
    <View className='gj-card' data-testid='areas'>
      <View className='gj-card__head'>公共区域（{areas.length} 个）</View>
      <Text className='gj-muted repair-hint repair-note'>业主报修公共区域时从这个列表中选位置。改名、删除不会改动已经提交的报修单。最多 {MAX_COMMON_AREAS} 个，每个不超过 {MAX_AREA_LENGTH} 个字。</Text>
      {areas.length === 0 && <Text className='repair-hint' data-testid='areas-empty'>还没有公共区域：业主现在只能为自家房屋报修。</Text>}
      {areas.map((area, i) => (
        <View key={i} className='repair-area' data-testid='area-row'>
          <Input className='repair-input repair-area__name' value={area} maxlength={MAX_AREA_LENGTH} onInput={(e) => setAreas((list) => list.map((a, j) => (j === i ? e.detail.value : a)))} />
          <View className='repair-area__buttons'>
            <Button size='small' disabled={i === 0} aria-label={`上移 ${area}`} onClick={() => move(i, -1)}>上移</Button>
            <Button size='small' disabled={i === areas.length - 1} aria-label={`下移 ${area}`} onClick={() => move(i, 1)}>下移</Button>
            <Button size='small' type='danger' fill='outline' aria-label={`删除 ${area}`} onClick={() => setAreas((list) => list.filter((_, j) => j !== i))}>删除</Button>
          </View>
        </View>
      ))}
      <View className='repair-area repair-gap'>
        <View data-testid='area-new' className='repair-area__name'>
          <Input className='repair-input' placeholder='新的公共区域，如：快递驿站' maxlength={MAX_AREA_LENGTH} value={name} onInput={(e) => setName(e.detail.value)} />
        </View>
        <Button type='primary' fill='outline' disabled={!name.trim()} onClick={add}>添加</Button>
      </View>
      {hint && <View className='repair-hint repair-late' data-testid='area-hint'>{hint}</View>}
      <Button type='primary' block disabled={save.busy} onClick={() => void save.run(() => saveRepairAreas({ communityId, areas }), '公共区域已保存')}>{save.busy ? '正在保存…' : '保存公共区域'}</Button>
      {done && <View className='repair-done' role='status'>{done}</View>}
    </View>
  )
}

export default function RepairSettingsPage() {
  const { communityId, membership } = useCommunity()
  const settings = repairSettingsResource.store(repairSettingsResource.select(communityId ?? ''))
  const { load, reload } = repairSettingsResource.store.getState()
  const [done, setDone] = useState<{ commitments: string | null; areas: string | null }>({ commitments: null, areas: null })
  useEffect(() => {
    if (communityId) void load(communityId)
  }, [communityId, load])
  if (membership && !hasRole(membership, 'committee')) {
    return <PageShell title='报修设置'><View className='gj-card'><Text>只有业委会可以修改报修设置。</Text></View></PageShell>
  }
  return (
    <PageShell title='报修设置'>
      <AsyncView resource={settings} onRetry={() => communityId && void reload(communityId)}>
        {(s) => communityId && (
          <>
            {/* Saved lists come back from the server: the forms start again from what is now stored. */}
            <Commitments key={JSON.stringify(s.commitments)} communityId={communityId} commitments={s.commitments} done={done.commitments} onDone={(m) => setDone({ commitments: m, areas: null })} />
            <Areas key={JSON.stringify(s.commonAreas)} communityId={communityId} areas={s.commonAreas} done={done.areas} onDone={(m) => setDone({ commitments: null, areas: m })} />
          </>
        )}
      </AsyncView>
    </PageShell>
  )
}
