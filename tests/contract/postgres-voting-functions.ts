// The PostgreSQL host serves owners' assemblies: the real voting functions
// (through the registry, as the host calls them) over the PostgreSQL ports,
// from the call to the certified result, in a fresh schema with the demo
// foundation. Run by postgres.test.ts when it has a database.
import { DAY_MS } from '../../src/domain/voting/assembly'
import { demoRoll } from '../../src/seed/demo-community'
import { expectOk } from '../support/harness'
import { C, PNG, uploadAs } from '../support/roll'
import { CONTRACT_NOW } from './target'
import { usePostgresFunctions } from './targets/postgres'

export function postgresVotingFunctions(url: string): void {
  describe('PostgreSQL host: voting functions', () => {
    const { call, setNow } = usePostgresFunctions(url)

    test('called, opened, voted online and on paper (one ballot per owner across both), closed, counted and certified', async () => {
      const opensAt = CONTRACT_NOW + 16 * DAY_MS
      const closesAt = opensAt + 7 * DAY_MS
      const called = expectOk(await call('assembly-call', {
        communityId: C, title: '续聘物业', notice: '请投票', opensAt, closesAt, motions: [{ title: '续聘物业服务企业', matter: 4 }, { title: '改建地下车库', matter: 7 }],
      }, 'p-li-jianguo'))
      expect(called.auditSeq).toBe(13)
      const [m1, m2] = called.motionIds
      const ref = { communityId: C, assemblyId: called.assemblyId }
      expect(await call('ballot-cast', { ...ref, votes: [{ motionId: m1, choice: 'agree' }] }, 'p-zhang-wei')).toMatchObject({ ok: false, code: 'VOTE.NOT_OPEN' })

      setNow(opensAt + 60_000)
      const list = expectOk(await call('assembly-list', { communityId: C }, 'p-zhang-wei'))
      expect(list).toMatchObject([{ id: called.assemblyId, phase: 'open', participation: { total: { heads: 777 }, participating: { heads: 0 } } }])

      // 张伟 (1栋0202 and 0203, one owner) votes online; a second try is refused naming the first.
      const zhang = expectOk(await call('ballot-cast', { ...ref, votes: [{ motionId: m1, choice: 'agree' }, { motionId: m2, choice: 'oppose' }] }, 'p-zhang-wei'))
      expect(zhang).toMatchObject({ ownerKey: 'O0006', channel: 'online', castAt: opensAt + 60_000 })
      expect(await call('ballot-cast', { ...ref, votes: [{ motionId: m1, choice: 'oppose' }] }, 'p-zhang-wei'))
        .toMatchObject({ ok: false, code: 'VOTE.ALREADY_CAST', details: { motionId: m1, channel: 'online', castAt: zhang.castAt } })
      // 陈静's signed paper ballot comes in first; her online try is then refused naming the paper one.
      setNow(opensAt + 2 * 60_000)
      const photo = await uploadAs({ call }, 'p-li-jianguo', '选票.png', PNG, 'photo')
      const paper = expectOk(await call('ballot-paper', { ...ref, building: '4栋', unitNo: '0302', votes: [{ motionId: m1, choice: 'abstain' }, { motionId: m2, choice: 'agree' }], photo }, 'p-li-jianguo'))
      expect(paper).toMatchObject({ ownerKey: 'O0250', channel: 'paper' })
      expect(await call('ballot-cast', { ...ref, votes: [{ motionId: m1, choice: 'agree' }] }, 'p-chen-jing'))
        .toMatchObject({ ok: false, code: 'VOTE.ALREADY_CAST', details: { channel: 'paper', castAt: paper.castAt } })
      // A tenant may not vote.
      expect(await call('ballot-cast', { ...ref, votes: [{ motionId: m1, choice: 'agree' }] }, 'p-liu-yang')).toMatchObject({ ok: false, code: 'VOTE.RESIDENT' })

      const areaOf = (key: string) => demoRoll().filter((u) => u.ownerKey === key).reduce((s, u) => s + u.area, 0)
      const live = expectOk(await call('assembly-get', ref, 'p-sun-li'))
      expect(live.participation).toMatchObject({ participating: { heads: 2, area: areaOf('O0006') + areaOf('O0250') } })

      // After the end: late ballots refused by the server's clock; counted and published.
      setNow(closesAt)
      expect(await call('ballot-cast', { ...ref, votes: [{ motionId: m1, choice: 'agree' }] }, 'p-wang-xiuying')).toMatchObject({ ok: false, code: 'VOTE.CLOSED' })
      expectOk(await call('assembly-close', ref, 'p-li-jianguo'))
      const counted = expectOk(await call('assembly-get', ref, 'p-chen-jing'))
      expect(counted.phase).toBe('objection')
      const ballots = expectOk(await call('ballot-list', ref, 'p-chen-jing'))
      expect(ballots.map((b) => [b.trackingCode, b.channel, b.choices.map((c) => ('choice' in c ? c.choice : null))])).toEqual([
        [zhang.trackingCode, 'online', ['agree', 'oppose']],
        [paper.trackingCode, 'paper', ['abstain', 'agree']],
      ])
      setNow(closesAt + 8 * DAY_MS)
      expectOk(await call('assembly-certify', ref, 'p-li-jianguo'))
      expect(expectOk(await call('assembly-get', ref, 'p-chen-jing')).phase).toBe('certified')
    })
  })
}
