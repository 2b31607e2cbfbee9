// The community's common areas (公共区域) people report repairs in: a list the
// committee keeps. Requests already reported keep the area text they were
// reported under, so renaming or removing an area never rewrites history.
import { AppError } from '../errors'

export const MAX_COMMON_AREAS = 100
export const MAX_AREA_LENGTH = 30

/** An area name as stored: full-width letters and digits folded (NFKC), spaces at the ends dropped, runs of spaces made one. */
export const normArea = (name: string): string => name.normalize('NFKC').trim().replace(/\s+/g, ' ')

/**
 * The list as it will be stored, in the committee's order; refuses with
 * REPAIR.AREAS_INVALID listing every problem (empty, too long, repeated, too many).
 */
export function checkCommonAreas(names: readonly string[]): string[] {
  const areas = names.map(normArea)
  const problems: string[] = []
  if (areas.length > MAX_COMMON_AREAS) problems.push(`公共区域最多 ${MAX_COMMON_AREAS} 个，现在有 ${areas.length} 个`)
  const seen = new Set<string>()
  areas.forEach((a, i) => {
    if (!a) problems.push(`第 ${i + 1} 个公共区域没有填写名称`)
    else if ([...a].length > MAX_AREA_LENGTH) problems.push(`「${a}」超过 ${MAX_AREA_LENGTH} 个字`)
    else if (seen.has(a)) problems.push(`「${a}」重复了`)
    seen.add(a)
  })
  if (problems.length) throw new AppError('REPAIR.AREAS_INVALID', problems.join('；'), { problems })
  return areas
}
