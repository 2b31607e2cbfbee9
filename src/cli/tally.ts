// `npm run --silent tally -- DIR`: an independent recount of an assembly from
// DIR/roll.csv, DIR/motions.csv and DIR/ballots.csv, with the same domain
// arithmetic the app publishes with. Prints one JSON object and exits 0; any
// bad input exits 2 with a Chinese message naming the file and line.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readCsvTable, type CsvRow } from '../domain/csv'
import { isAppError } from '../domain/errors'
import { formatHundredths, parseHundredths } from '../domain/measure'
import { isMatterNumber } from '../domain/voting/matters'
import { buildElectorate, CHOICE_CODE, CHOICE_LABEL, isChoice, tallyBallots, type Choice, type Count } from '../domain/voting/tally'

const ROLL = 'roll.csv'
const MOTIONS = 'motions.csv'
const BALLOTS = 'ballots.csv'

/** A refusal of the input: where it is and why. */
class InputError extends Error {
  constructor(
    readonly file: string | null,
    readonly line: number | null,
    reason: string,
  ) {
    super(`${file ?? ''}${line !== null ? ` 第 ${line} 行` : ''}${file !== null ? '：' : ''}${reason}`)
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

function readTable(dir: string, file: string, columns: readonly string[]): CsvRow[] {
  let bytes: Buffer
  try {
    bytes = readFileSync(join(dir, file))
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    throw new InputError(file, null, code === 'ENOENT' ? `找不到文件 ${join(dir, file)}` : `无法读取 ${join(dir, file)}（${code ?? String(e)}）`)
  }
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    throw new InputError(file, null, '文件不是 UTF-8 编码；用 Excel 保存时请选择「CSV UTF-8（逗号分隔）」')
  }
  try {
    return readCsvTable(text, columns).rows
  } catch (e) {
    if (isAppError(e) && typeof e.details?.line === 'number') throw new InputError(file, e.details.line, String(e.details.reason))
    throw e
  }
}

interface Unit {
  line: number
  voter: number
}

interface MotionOut {
  motion_id: string
  matter: number
  threshold: 'ordinary' | 'special'
  total: CountOut
  participating: CountOut
  agree: CountOut
  oppose: CountOut
  abstain: CountOut
  quorum_met: boolean
  passed: boolean
}
interface CountOut {
  area: string
  heads: number
}

const countOut = (c: Count): CountOut => ({ area: formatHundredths(c.area), heads: c.heads })

function recount(dir: string): { motions: MotionOut[] } {
  // The roll: units, each under its owner's key (the developer's unsold units share one key).
  const rollRows = readTable(dir, ROLL, ['unit_id', 'building', 'area', 'owner_key'])
  const unitRows = new Map<string, { line: number; ownerKey: string; area: number }>()
  for (const r of rollRows) {
    const id = r.cells.unit_id.trim()
    const ownerKey = r.cells.owner_key.trim()
    const areaText = r.cells.area.trim()
    if (!id) throw new InputError(ROLL, r.line, 'unit_id（房屋编号）为空')
    const first = unitRows.get(id)
    if (first) throw new InputError(ROLL, r.line, `房屋编号 ${id} 重复（第 ${first.line} 行已有）`)
    if (!ownerKey) throw new InputError(ROLL, r.line, `房屋 ${id} 的 owner_key（业主标识）为空`)
    const area = parseHundredths(areaText)
    if (area === null) throw new InputError(ROLL, r.line, `房屋 ${id} 的面积「${areaText}」不是合法的数字（单位平方米，最多两位小数，例如 89.50）`)
    if (area === 0) throw new InputError(ROLL, r.line, `房屋 ${id} 的面积为 0；专有部分面积必须大于 0`)
    unitRows.set(id, { line: r.line, ownerKey, area })
  }
  if (unitRows.size === 0) throw new InputError(ROLL, null, '名册里没有任何房屋，无法计票')
  const electorate = buildElectorate([...unitRows.values()].map((u) => ({ voterKey: u.ownerKey, area: u.area })))
  const units = new Map<string, Unit>()
  for (const [id, u] of unitRows) units.set(id, { line: u.line, voter: electorate.indexOf.get(u.ownerKey)! })

  // Motions, in file order.
  const motionRows = readTable(dir, MOTIONS, ['motion_id', 'matter'])
  const motions: Array<{ id: string; matter: number; line: number }> = []
  const motionIndex = new Map<string, number>()
  for (const r of motionRows) {
    const id = r.cells.motion_id.trim()
    const matterText = r.cells.matter.trim()
    if (!id) throw new InputError(MOTIONS, r.line, 'motion_id（议案编号）为空')
    const first = motionIndex.get(id)
    if (first !== undefined) throw new InputError(MOTIONS, r.line, `议案编号 ${id} 重复（第 ${motions[first].line} 行已有）`)
    if (!/^\d+$/.test(matterText)) throw new InputError(MOTIONS, r.line, `议案 ${id} 的表决事项编号「${matterText}」不是整数（应为 1–9）`)
    const matter = Number(matterText)
    if (!isMatterNumber(matter)) throw new InputError(MOTIONS, r.line, `议案 ${id} 的表决事项编号 ${matterText} 超出范围：只能是民法典第二百七十八条列出的 1–9`)
    motionIndex.set(id, motions.length)
    motions.push({ id, matter, line: r.line })
  }

  // Ballots: a row for any unit of an owner is that owner's ballot on the motion.
  const ballotRows = readTable(dir, BALLOTS, ['unit_id', 'motion_id', 'choice'])
  const n = ballotRows.length
  const columns = { motion: new Int32Array(n), voter: new Int32Array(n), choice: new Uint8Array(n) }
  const unitMotionLine = new Map<string, number>()
  ballotRows.forEach((r, i) => {
    const unitId = r.cells.unit_id.trim()
    const motionId = r.cells.motion_id.trim()
    const choiceText = r.cells.choice.trim()
    const unit = units.get(unitId)
    if (!unit) throw new InputError(BALLOTS, r.line, unitId ? `房屋 ${unitId} 不在 ${ROLL} 中` : 'unit_id（房屋编号）为空')
    const m = motionIndex.get(motionId)
    if (m === undefined) throw new InputError(BALLOTS, r.line, motionId ? `议案 ${motionId} 不在 ${MOTIONS} 中` : 'motion_id（议案编号）为空')
    if (!isChoice(choiceText)) throw new InputError(BALLOTS, r.line, `选择「${choiceText}」无效：只能是 agree（同意）、oppose（反对）或 abstain（弃权）`)
    const key = `${m}\u0000${unitId}`
    const earlier = unitMotionLine.get(key)
    if (earlier !== undefined) throw new InputError(BALLOTS, r.line, `房屋 ${unitId} 对议案 ${motionId} 的选票重复（第 ${earlier} 行已有一张）`)
    unitMotionLine.set(key, r.line)
    columns.motion[i] = m
    columns.voter[i] = unit.voter
    columns.choice[i] = CHOICE_CODE[choiceText]
  })

  let results
  try {
    results = tallyBallots(
      electorate,
      motions.map((m) => m.matter),
      columns,
    )
  } catch (e) {
    if (isAppError(e) && e.code === 'VOTE.CONFLICTING_CHOICES') {
      const row = e.details!.row as number
      const r = ballotRows[row]
      const firstRow = ballotRows.findIndex((_, k) => k < row && columns.motion[k] === columns.motion[row] && columns.voter[k] === columns.voter[row])
      const f = ballotRows[firstRow]
      const label = (c: string) => CHOICE_LABEL[c as Choice]
      throw new InputError(
        BALLOTS,
        r.line,
        `业主 ${electorate.keys[columns.voter[row]]} 对议案 ${motions[columns.motion[row]].id} 的选择矛盾：` +
          `第 ${f.line} 行（房屋 ${f.cells.unit_id.trim()}）是「${label(f.cells.choice.trim())}」，` +
          `这一行（房屋 ${r.cells.unit_id.trim()}）是「${label(r.cells.choice.trim())}」；一位业主在一个议案上只能有一个选择`,
      )
    }
    throw e
  }

  return {
    motions: results.map(({ published: t }, k) => ({
      motion_id: motions[k].id,
      matter: t.matter,
      threshold: t.threshold,
      total: countOut(t.total),
      participating: countOut(t.participating),
      agree: countOut(t.agree),
      oppose: countOut(t.oppose),
      abstain: countOut(t.abstain),
      quorum_met: t.quorumMet,
      passed: t.passed,
    })),
  }
}

function main(args: readonly string[]): number {
  if (args.length !== 1 || !args[0]) {
    process.stderr.write('用法：npm run --silent tally -- 目录（目录中需有 roll.csv、motions.csv、ballots.csv）\n')
    return 2
  }
  try {
    process.stdout.write(`${JSON.stringify(recount(args[0]), null, 2)}\n`)
    return 0
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`输入有误：${e.message}\n`)
      return 2
    }
    if (isAppError(e)) {
      process.stderr.write(`输入有误：${e.message}\n`)
      return 2
    }
    throw e
  }
}

process.exitCode = main(process.argv.slice(2))
