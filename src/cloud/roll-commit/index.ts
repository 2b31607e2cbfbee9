// The committee confirms a clean preview: the same file becomes a new roll
// version, with its audit entry, in one transaction. The same roll again is a
// no-op with a message; a file with any bad row stores nothing.
import { AppError } from '../../domain/errors'
import { formatArea } from '../../domain/measure'
import { rollCommitInput, type RollCommitOutput } from '../../contracts/roll'
import { defineFunction, requireCaller } from '../kit/handler'
import { readRollFile } from '../kit/roll-file'

export const main = defineFunction({
  name: 'roll-commit',
  input: rollCommitInput,
  access: { kind: 'community', roles: ['committee'] },
  run: async ({ input, caller, ports, now }): Promise<RollCommitOutput> => {
    const actor = requireCaller(caller)
    const { file, preview, fingerprint } = await readRollFile(ports, input.communityId, input.fileId)
    if (!preview.committable) {
      const why = preview.summary.units === 0 && preview.problemCount === 0 ? '表格里没有房屋' : `还有 ${preview.badRows} 行有问题（共 ${preview.problemCount} 处）`
      throw new AppError('ROLL.NOT_CLEAN', `名册${why}，没有导入任何数据；请按预览改正后重新上传`, { problemCount: preview.problemCount, badRows: preview.badRows })
    }
    const s = preview.summary
    const outcome = await ports.rollAdmin.commit(
      { communityId: input.communityId, createdBy: actor.person.id, sourceSha256: fingerprint, sourceFile: file.id, summary: s, units: preview.units, at: now },
      (version) => ({
        communityId: input.communityId,
        actorId: actor.person.id,
        action: 'roll.import',
        subject: `roll:${version}`,
        data: { version, units: s.units, area: s.area, heads: s.heads, buildings: s.buildings.length, sha256: fingerprint, fileId: file.id, fileName: file.name },
      }),
    )
    if (!outcome.created) {
      return { created: false, version: outcome.version, message: `内容与当前第 ${outcome.version} 版名册完全相同，无需重复导入，名册没有变化` }
    }
    return {
      created: true,
      version: outcome.version,
      auditSeq: outcome.auditSeq,
      summary: s,
      message: `已导入第 ${outcome.version} 版名册：${s.units} 套房屋，${formatArea(s.area)}，${s.heads} 人`,
    }
  },
})
