// 委托代理人: an owner names someone bound to a unit here to vote for them —
// found by building and unit, or by full name — for the whole assembly or
// some motions, with a photo of the signed 委托书; or sees and revokes the
// proxy they named, until a ballot of theirs is cast. Possible from the
// notice until voting closes.
import { View, Text, Input } from '@tarojs/components'
import { useState } from 'react'
import { AsyncView } from '../../../../components/async-view'
import { CommunityGate } from '../../../../components/community-gate'
import { pageParam, PAGES, to } from '../../../../components/nav'
import { PageShell } from '../../../../components/page-shell'
import { Button } from '../../../../components/ui'
import { useAssembly } from '../../../../components/use-assembly'
import type { AssemblyDetail, MyVoter, ProxyCandidate } from '../../../../contracts/voting'
import { formatArea } from '../../../../domain/measure'
import { formatDateTime } from '../../../../domain/time'
import { grantProxy, proxySearchResource, revokeProxy } from '../../../../stores/voting'
import { PhotoField, proxyScopeText } from '../../components'

const RELATION = { owner: '业主', resident: '住户' } as const
const unitsOf = (v: MyVoter) => v.units.map((u) => `${u.building}${u.unitNo}`).join('、')

type Query = { building: string; unitNo: string } | { name: string }

/** Find the proxy: by the unit they live in, or by their full name; pick one from what is found. */
function FindProxy({ communityId, chosen, onChoose }: { communityId: string; chosen: ProxyCandidate | null; onChoose: (p: ProxyCandidate) => void }) {
  const [by, setBy] = useState<'unit' | 'name'>('unit')
  const [building, setBuilding] = useState('')
  const [unitNo, setUnitNo] = useState('')
  const [name, setName] = useState('')
  const [query, setQuery] = useState<Query | null>(null)
  const found = proxySearchResource.store(proxySearchResource.select(communityId, query ?? { name: '' }))
  const ready = by === 'unit' ? building.trim() && unitNo.trim() : name.trim()
  const search = () => {
    const q: Query = by === 'unit' ? { building: building.trim(), unitNo: unitNo.trim() } : { name: name.trim() }
    setQuery(q)
    void proxySearchResource.store.getState().reload(communityId, q)
  }
  return (
    <View className='gj-card' data-testid='find-proxy'>
      <View className='gj-card__head'>第一步：找到代理人</View>
      <Text className='gj-muted'>代理人须已在本小区绑定房屋（业主或住户，例如家人、邻居）。</Text>
      <View className='gj-choices' role='radiogroup'>
        <View className={`gj-choice${by === 'unit' ? ' gj-choice--on' : ''}`} role='radio' aria-checked={by === 'unit'} onClick={() => setBy('unit')}>按房号找</View>
        <View className={`gj-choice${by === 'name' ? ' gj-choice--on' : ''}`} role='radio' aria-checked={by === 'name'} onClick={() => setBy('name')}>按姓名找</View>
      </View>
      {by === 'unit' ? (
        <>
          <Input className='gj-input' value={building} onInput={(e) => setBuilding(e.detail.value)} placeholder='楼栋，例如 4栋' />
          <Input className='gj-input' value={unitNo} onInput={(e) => setUnitNo(e.detail.value)} placeholder='房号，例如 0302' />
        </>
      ) : (
        <Input className='gj-input' value={name} onInput={(e) => setName(e.detail.value)} placeholder='代理人的完整姓名' />
      )}
      <Button block className='gj-big-button' disabled={!ready} onClick={search}>查找</Button>
      {query && (
        <AsyncView
          resource={found}
          onRetry={search}
          isEmpty={(l) => l.length === 0}
          empty={<Text className='gj-muted'>没有找到。请核对{'building' in query ? '楼栋和房号' : '姓名（须是完整姓名）'}，或请代理人先在小程序里绑定房屋。</Text>}
        >
          {(list) => list.map((p) => (
            <View key={p.personId} className={`vote-found${chosen?.personId === p.personId ? ' vote-found--on' : ''}`} role='radio' aria-checked={chosen?.personId === p.personId}
              data-testid='proxy-candidate' onClick={() => onChoose(p)}>
              {chosen?.personId === p.personId ? '✓ ' : ''}{p.name}（{p.where} {RELATION[p.relation]}）
            </View>
          ))}
        </AsyncView>
      )}
    </View>
  )
}

function NameProxy({ a, voter, communityId }: { a: AssemblyDetail; voter: MyVoter; communityId: string }) {
  const [proxy, setProxy] = useState<ProxyCandidate | null>(null)
  const [some, setSome] = useState(false)
  const [motionIds, setMotionIds] = useState<string[]>([])
  const [photo, setPhoto] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const ready = proxy && photo && (!some || motionIds.length > 0)
  const submit = async () => {
    if (!proxy) return
    setBusy(true)
    setError(null)
    try {
      await grantProxy({ communityId, assemblyId: a.id, ownerKey: voter.ownerKey, proxyPersonId: proxy.personId, letterPhoto: photo, ...(some ? { motionIds } : {}) })
    } catch (e) {
      // The notice bar shows it too; here it stays beside the button (e.g. the proxy has reached the cap).
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <FindProxy communityId={communityId} chosen={proxy} onChoose={setProxy} />
      <View className='gj-card' data-testid='proxy-scope'>
        <View className='gj-card__head'>第二步：委托哪些议案</View>
        <View className='gj-choices' role='radiogroup'>
          <View className={`gj-choice${!some ? ' gj-choice--on' : ''}`} role='radio' aria-checked={!some} onClick={() => setSome(false)}>全部议案</View>
          <View className={`gj-choice${some ? ' gj-choice--on' : ''}`} role='radio' aria-checked={some} onClick={() => setSome(true)}>部分议案</View>
        </View>
        {some && a.motions.map((m) => {
          const on = motionIds.includes(m.id)
          return (
            <View key={m.id} className={`gj-choice${on ? ' gj-choice--on' : ''}`} role='checkbox' aria-checked={on}
              onClick={() => setMotionIds((ids) => (on ? ids.filter((x) => x !== m.id) : [...ids, m.id]))}>
              {on ? '✓ ' : ''}议案 {m.position}：{m.title}
            </View>
          )
        })}
        {some && <Text className='gj-muted'>没有委托的议案，仍由您本人投票。</Text>}
      </View>
      <View className='gj-card'>
        <View className='gj-card__head'>第三步：拍下签好的委托书</View>
        <PhotoField communityId={communityId} label='委托书照片（必填）' hint='请拍下您和代理人都已签名的委托书，照片会作为凭证存档。' value={photo} onChange={setPhoto} />
      </View>
      <Text className='gj-muted'>本小区规定：每位代理人最多代理 {a.settings.proxyCap} 位业主。在您的选票投出之前，可以随时撤销委托。</Text>
      {error && <View className='gj-warning' data-testid='proxy-error'>{error}</View>}
      <Button type='primary' block className='gj-big-button' loading={busy} disabled={!ready || busy} onClick={() => void submit()}>
        {proxy ? `确认委托 ${proxy.name}` : '确认委托'}
      </Button>
    </>
  )
}

function Standing({ a, voter, communityId }: { a: AssemblyDetail; voter: MyVoter; communityId: string }) {
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const p = voter.proxy!
  const revoke = async () => {
    setBusy(true)
    try {
      await revokeProxy({ communityId, assemblyId: a.id, ownerKey: voter.ownerKey })
    } catch {
      // Shown once by the notice bar.
    } finally {
      setBusy(false)
      setConfirming(false)
    }
  }
  return (
    <View className='gj-card' data-testid='proxy-standing'>
      <View className='gj-card__head'>已委托 {p.proxyName ?? '代理人'} 代为投票</View>
      <View>委托范围：{proxyScopeText(a.motions, p.motionIds)}</View>
      {voter.cast.length > 0 ? (
        <View className='vote-line gj-muted'>选票已经投出，委托不能再撤销。</View>
      ) : confirming ? (
        <>
          <View className='gj-warning'>撤销后，{p.proxyName ?? '代理人'} 不能再为您投票。确定撤销吗？</View>
          <Button type='danger' block className='gj-big-button' loading={busy} disabled={busy} onClick={() => void revoke()}>确定撤销委托</Button>
          <Button block className='gj-big-button' disabled={busy} onClick={() => setConfirming(false)}>不撤销</Button>
        </>
      ) : (
        <>
          <View className='vote-line gj-muted'>在选票投出之前，您可以撤销委托，自己投票或另委托他人。</View>
          <Button block className='gj-big-button' onClick={() => setConfirming(true)}>撤销委托</Button>
        </>
      )}
    </View>
  )
}

function Proxy({ a, communityId, owner }: { a: AssemblyDetail; communityId: string; owner?: string }) {
  const own = a.mine.filter((m) => m.as === 'owner')
  const voter = own.find((m) => m.ownerKey === owner) ?? own[0]
  if (!voter) return <View className='gj-card'><Text>只有业主名册上的业主本人可以委托代理人。</Text></View>
  const standing = voter.proxy && voter.proxy.revokedAt === null
  return (
    <View data-testid='proxy-page'>
      <View className='gj-card'>
        <View className='gj-card__head'>{a.title}</View>
        <View>为 {unitsOf(voter)}（{formatArea(voter.area)}）委托他人代为投票</View>
        <View className='vote-line gj-muted'>投票时间：{formatDateTime(a.opensAt)} 至 {formatDateTime(a.closesAt)}</View>
      </View>
      {a.phase !== 'noticed' && a.phase !== 'open' ? (
        <View className='gj-card'><Text>投票已经截止，不能再委托或撤销。</Text></View>
      ) : standing ? (
        <Standing a={a} voter={voter} communityId={communityId} />
      ) : voter.cast.length > 0 ? (
        <View className='gj-card'><Text>您已经投过票，不需要再委托代理人。</Text></View>
      ) : (
        <NameProxy a={a} voter={voter} communityId={communityId} />
      )}
      <Button block className='gj-big-button' onClick={to(PAGES.assembly, { id: a.id })}>返回业主大会</Button>
    </View>
  )
}

function Body({ communityId, id, owner }: { communityId: string; id?: string; owner?: string }) {
  const { resource, retry, none } = useAssembly(communityId, id)
  if (none) return <View className='gj-card'><Text className='gj-muted'>暂无业主大会。</Text></View>
  return <AsyncView resource={resource} onRetry={retry}>{(a) => <Proxy a={a} communityId={communityId} owner={owner} />}</AsyncView>
}

export default function ProxyPage({ id, owner = pageParam('owner') }: { id?: string; owner?: string }) {
  return (
    <PageShell title='委托代理人'>
      <CommunityGate>{(communityId) => <Body communityId={communityId} id={id} owner={owner} />}</CommunityGate>
    </PageShell>
  )
}
