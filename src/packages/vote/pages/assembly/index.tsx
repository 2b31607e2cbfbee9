// One assembly: the notice, the motions with their legal thresholds, the
// rules, participation against the 2/3 lines, the caller's own ballots, and
// for the committee the tools of each phase.
import { View, Text, Textarea } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { AsyncView } from '../../../../components/async-view'
import { CommunityGate } from '../../../../components/community-gate'
import { go, PAGES, to } from '../../../../components/nav'
import { PageShell } from '../../../../components/page-shell'
import { ParticipationBars } from '../../../../components/participation-bars'
import { Button, Tag } from '../../../../components/ui'
import { useAssembly } from '../../../../components/use-assembly'
import type { MyMembership } from '../../../../contracts/identity'
import type { AssemblyDetail, MarksView, MotionView, MyVoter, ObjectionView } from '../../../../contracts/voting'
import { formatArea } from '../../../../domain/measure'
import { formatDateTime } from '../../../../domain/time'
import { PHASE_LABEL } from '../../../../domain/voting/assembly'
import { hasRole } from '../../../../stores/session'
import { CHOICES, CHOICE_LABEL, type Choice } from '../../../../domain/voting/tally'
import { ballotListResource, certifyResult, countVotes, resolveObjection } from '../../../../stores/voting'
import { AssemblyRules, MotionHead, marksText, proxyScopeText } from '../../components'

const CHANNEL = { online: '网上投票', paper: '纸质选票', proxy: '代理人投票' } as const

/** The owner's own entry: vote, or name a proxy (from the notice until the close), or see the proxy named. */
function OwnActions({ a, m }: { a: AssemblyDetail; m: MyVoter }) {
  const votable = a.phase === 'noticed' || a.phase === 'open'
  const standing = m.proxy && m.proxy.revokedAt === null ? m.proxy : null
  return (
    <>
      {a.phase === 'open' && m.openMotionIds.length > 0 && (
        <Button type='primary' block className='gj-big-button' onClick={to(PAGES.ballot, { id: a.id, owner: m.ownerKey })}>
          {m.cast.length > 0 ? '继续投票' : '去投票'}
        </Button>
      )}
      {a.phase === 'noticed' && <View className='vote-line gj-muted'>投票将于 {formatDateTime(a.opensAt)} 开始。不能亲自投票的，可以现在委托他人代投。</View>}
      {standing && <View className='vote-line' data-testid='proxy-named'>已委托 {standing.proxyName ?? '代理人'} 代为投票（{proxyScopeText(a.motions, standing.motionIds)}）</View>}
      {votable && m.cast.length === 0 && (
        <Button block className='gj-big-button' onClick={to(PAGES.proxy, { id: a.id, owner: m.ownerKey })}>{standing ? '查看或撤销委托' : '委托他人代投'}</Button>
      )}
    </>
  )
}

/** An owner who named the caller as proxy: the 代投 entry. */
function ProxyActions({ a, m }: { a: AssemblyDetail; m: MyVoter }) {
  return (
    <>
      <View className='vote-line gj-muted'>委托范围：{proxyScopeText(a.motions, m.proxy?.motionIds ?? null)}</View>
      {a.phase === 'noticed' && <View className='vote-line gj-muted'>投票开始（{formatDateTime(a.opensAt)}）后，可在这里代为投票。</View>}
      {a.phase === 'open' && m.openMotionIds.length > 0 && (
        <Button type='primary' block className='gj-big-button' onClick={to(PAGES.ballot, { id: a.id, owner: m.ownerKey })}>代为投票</Button>
      )}
    </>
  )
}

function MyBallots({ a }: { a: AssemblyDetail }) {
  if (a.mine.length === 0) {
    return a.phase === 'open' ? <View className='gj-card'><Text className='gj-muted'>只有业主名册上的业主（或其代理人）可以投票。</Text></View> : null
  }
  return (
    <>
      {a.mine.map((m) => (
        <View key={m.ownerKey} className='gj-card' data-testid={m.as === 'proxy' ? 'proxy-ballot' : 'my-ballot'}>
          <View className='gj-card__head'>
            {m.as === 'proxy' ? '代投：' : '我的选票：'}{m.units.map((u) => `${u.building}${u.unitNo}`).join('、')}{m.as === 'proxy' && m.proxy?.grantedByName ? `（${m.proxy.grantedByName} 委托）` : ''}
          </View>
          <Text className='gj-muted'>合计面积 {formatArea(m.area)}，计 1 人{m.units.length > 1 ? '（一人多套只投一票）' : ''}</Text>
          {m.cast.length > 0 && (
            <View>
              {[...new Set(m.cast.map((c) => c.trackingCode))].map((code) => {
                const c = m.cast.find((x) => x.trackingCode === code)!
                return <View key={code} className='vote-line gj-muted'>已于 {formatDateTime(c.castAt)} 通过{CHANNEL[c.channel]}投票，查验码 {code}</View>
              })}
            </View>
          )}
          {m.as === 'proxy' ? <ProxyActions a={a} m={m} /> : <OwnActions a={a} m={m} />}
        </View>
      ))}
    </>
  )
}

/**
 * The committee's decision on one objection, with its reason. Upholding it
 * can correct the disputed ballot's choices: the recorded choice is shown,
 * the committee picks what it should have been, and the button says how many
 * choices change (the ballot itself is kept; the correction is published).
 */
function ResolveObjection({ o, communityId, assemblyId, motions }: { o: ObjectionView; communityId: string; assemblyId: string; motions: MotionView[] }) {
  const [reason, setReason] = useState('')
  const [fix, setFix] = useState<Record<string, Choice>>({})
  const [busy, setBusy] = useState(false)
  const list = ballotListResource.store(ballotListResource.select(communityId, assemblyId))
  useEffect(() => {
    void ballotListResource.store.getState().load(communityId, assemblyId)
  }, [communityId, assemblyId])
  const ballot = list.data?.find((b) => b.trackingCode === o.trackingCode)
  const corrections = Object.entries(fix)
    .filter(([motionId, choice]) => ballot?.choices.find((c) => c.motionId === motionId)?.choice !== choice)
    .map(([motionId, choice]) => ({ motionId, choice }))
  const resolve = (resolution: 'upheld' | 'dismissed') => async () => {
    setBusy(true)
    try {
      await resolveObjection({ communityId, assemblyId, objectionId: o.id, resolution, reason, corrections: resolution === 'upheld' ? corrections : [] })
    } catch {
      // Shown once by the notice bar.
    } finally {
      setBusy(false)
    }
  }
  return (
    <View data-testid='resolve'>
      <AsyncView resource={list} onRetry={() => void ballotListResource.store.getState().reload(communityId, assemblyId)}>
        {() => (ballot ? (
          <View className='gj-para'>
            <View className='vote-line gj-muted'>这张选票的原记录；如异议成立，请选出应记录的选择：</View>
            {ballot.choices.map((c) => {
              const m = motions.find((x) => x.id === c.motionId)
              if (!m) return null
              if (!c.choice) return <View key={c.motionId} className='vote-line gj-muted'>议案 {m.position}（选举）：{marksText(c as MarksView)}（选举的更正请逐项核对后另行处理）</View>
              const chosen = fix[c.motionId] ?? c.choice
              return (
                <View key={c.motionId} data-testid='correct-motion'>
                  <View className='vote-line'>议案 {m.position}：原记录「{CHOICE_LABEL[c.choice]}」{chosen !== c.choice ? `，更正为「${CHOICE_LABEL[chosen]}」` : ''}</View>
                  <View className='gj-choices'>
                    {CHOICES.map((x) => (
                      <View key={x} className={`gj-choice${chosen === x ? ' gj-choice--on' : ''}`} role='radio' aria-checked={chosen === x} onClick={() => setFix((f) => ({ ...f, [c.motionId]: x }))}>{CHOICE_LABEL[x]}</View>
                    ))}
                  </View>
                </View>
              )
            })}
          </View>
        ) : <View className='vote-line gj-muted'>在公布的选票清单中找不到这个查验码。</View>)}
      </AsyncView>
      <Textarea className='gj-textarea' placeholder='处理理由（必填，会公示）' value={reason} onInput={(e) => setReason(e.detail.value)} />
      <View className='gj-choices'>
        <Button type='primary' disabled={busy || !reason.trim() || corrections.length > 0} onClick={resolve('dismissed')}>异议不成立</Button>
        <Button type='warning' disabled={busy || !reason.trim()} onClick={resolve('upheld')}>{corrections.length ? `异议成立，更正 ${corrections.length} 项` : '异议成立（计票不变）'}</Button>
      </View>
    </View>
  )
}

/** What an upheld objection changed, in words. */
function correctedBy(a: AssemblyDetail, o: ObjectionView): string {
  if (o.resolution !== 'upheld') return ''
  const mine = a.result?.corrections.filter((c) => c.objectionId === o.id) ?? []
  if (mine.length === 0) return '。未更正选票，计票不变。'
  return `。已更正：${mine.map((c) => `议案 ${a.motions.find((m) => m.id === c.motionId)?.position ?? c.motionId} 由「${marksText(c.from)}」改为「${marksText(c.to)}」`).join('；')}。`
}

function Objections({ a, communityId, committee }: { a: AssemblyDetail; communityId: string; committee: boolean }) {
  if (a.objections.length === 0) return null
  return (
    <>
      <View className='gj-section-title'>异议（询异）</View>
      {a.objections.map((o) => (
        <View key={o.id} className='gj-card' data-testid='objection'>
          <View className='gj-card__head'>查验码 {o.trackingCode}</View>
          <Text>{o.text}</Text>
          <View className='vote-line gj-muted'>{o.filedByName ?? ''} 于 {formatDateTime(o.filedAt)} 提出</View>
          {o.resolution ? (
            <View className='vote-line'>处理结果：{o.resolution === 'upheld' ? '异议成立' : '异议不成立'}。理由：{o.reason}{correctedBy(a, o)}</View>
          ) : committee && a.phase === 'objection' ? (
            <ResolveObjection o={o} communityId={communityId} assemblyId={a.id} motions={a.motions} />
          ) : (
            <View className='vote-line gj-muted'>等待业委会处理</View>
          )}
        </View>
      ))}
    </>
  )
}

function CommitteeTools({ a, communityId }: { a: AssemblyDetail; communityId: string }) {
  const [busy, setBusy] = useState(false)
  const act = (f: () => Promise<unknown>) => async () => {
    setBusy(true)
    try {
      await f()
    } catch {
      // Shown once by the notice bar.
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='gj-card' data-testid='committee-tools'>
      <View className='gj-card__head'>业委会操作</View>
      {a.phase === 'open' && <Button block className='gj-big-button' onClick={to(PAGES.paperBallot, { id: a.id })}>录入纸质选票</Button>}
      {a.phase === 'open' && <Text className='gj-muted'>投票截止前，任何人（包括业委会）都看不到各选项的票数。</Text>}
      {a.phase === 'counting' && <Button type='primary' block className='gj-big-button' disabled={busy} onClick={act(() => countVotes(communityId, a.id))}>计票并公示初步结果</Button>}
      {a.phase === 'objection' && <Button type='primary' block className='gj-big-button' disabled={busy} onClick={act(() => certifyResult(communityId, a.id))}>确认表决结果</Button>}
      {(a.phase === 'noticed' || a.phase === 'certified') && <Text className='gj-muted'>当前阶段无需操作。</Text>}
    </View>
  )
}

function Assembly({ a, communityId, membership }: { a: AssemblyDetail; communityId: string; membership: MyMembership }) {
  const committee = hasRole(membership, 'committee')
  return (
    <View data-testid='assembly'>
      <View className='gj-card'>
        <View className='gj-card__head'>{a.title}</View>
        <View className='gj-tags'><Tag type={a.phase === 'open' ? 'success' : 'default'}>{PHASE_LABEL[a.phase]}</Tag></View>
        <View className='gj-muted'>公告时间：{formatDateTime(a.noticeAt)}</View>
        <View className='gj-muted'>投票时间：{formatDateTime(a.opensAt)} 至 {formatDateTime(a.closesAt)}（以服务器时间为准）</View>
        {a.shortNoticeReason && <View className='gj-warning'>公告期短于本小区规定，理由：{a.shortNoticeReason}</View>}
        <View className='gj-paragraph'>{a.notice}</View>
        <View className='gj-muted'>{a.rollVersion ? `按业主名册第 ${a.rollVersion} 版计票` : '业主名册版本在投票开始时确定'}</View>
      </View>

      {a.participation && (
        <>
          <View className='gj-section-title'>参与情况（实时）</View>
          <View className='gj-card'>
            <ParticipationBars p={a.participation} byBuilding />
          </View>
        </>
      )}

      <MyBallots a={a} />

      {a.result && (
        <Button type='primary' block className='gj-big-button' onClick={to(PAGES.results, { id: a.id })}>
          {a.result.stage === 'certified' ? '查看表决结果' : '查看初步结果与选票清单'}
        </Button>
      )}

      <View className='gj-section-title'>表决议案</View>
      {a.motions.map((m) => (
        <View key={m.id} className='gj-card' data-testid='motion'>
          <MotionHead m={m} />
          {m.body && <Text>{m.body}</Text>}
          {m.election && <View className='vote-line gj-muted'>应选 {m.election.seats} 名，候选人：{m.election.candidates.map((c) => c.name).join('、')}</View>}
        </View>
      ))}

      <AssemblyRules s={a.settings} />
      <Button block className='gj-big-button' onClick={go(PAGES.voteRules)}>法定比例如何计算</Button>
      {committee && <CommitteeTools a={a} communityId={communityId} />}
      <Objections a={a} communityId={communityId} committee={committee} />
    </View>
  )
}

function Body({ communityId, membership, id }: { communityId: string; membership: MyMembership; id?: string }) {
  const { resource, retry, none } = useAssembly(communityId, id)
  if (none) return <View className='gj-card'><Text className='gj-muted'>暂无业主大会。</Text></View>
  return (
    <AsyncView resource={resource} onRetry={retry}>
      {(a) => <Assembly a={a} communityId={communityId} membership={membership} />}
    </AsyncView>
  )
}

export default function AssemblyPage({ id }: { id?: string }) {
  return (
    <PageShell title='业主大会'>
      <CommunityGate>{(communityId, membership) => <Body communityId={communityId} membership={membership} id={id} />}</CommunityGate>
    </PageShell>
  )
}
