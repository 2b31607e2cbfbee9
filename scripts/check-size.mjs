// Size budget of the WeChat build (dist/weapp; `npm run build:weapp` first).
// WeChat refuses to upload a mini program whose main package or any
// subpackage (分包) is over 2 MB; we keep each under 1 MB so the first screen
// stays quick on a slow phone. WeChat counts the bytes of every file in a
// package, so every file counts here: the main package is everything not under
// a subpackage root listed in app.json.
//
//   node scripts/check-size.mjs [dist/weapp]
//
// Prints one line per package; exits 1 naming the package over budget, or
// when dist/weapp/app.json is missing.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

export const DEFAULT_DIR = 'dist/weapp'
export const MAIN_BUDGET_KB = 1024
export const SUBPACKAGE_BUDGET_KB = 1024

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* files(path)
    else if (entry.isFile()) yield path
  }
}

/**
 * Bytes of the main package and of each subpackage of a WeChat build.
 * Throws an Error with a Chinese + English message when app.json is missing.
 * @param {string} [dir]
 * @returns {{ dir: string, main: { name: string, bytes: number, files: number }, subpackages: { name: string, root: string, bytes: number, files: number }[] }}
 */
export function measureWeapp(dir = DEFAULT_DIR) {
  const root = resolve(dir)
  const appJsonPath = join(root, 'app.json')
  if (!existsSync(appJsonPath)) {
    throw new Error(`${join(dir, 'app.json')} 不存在：请先运行 npm run build:weapp（missing: run npm run build:weapp first）`)
  }
  const app = JSON.parse(readFileSync(appJsonPath, 'utf8'))
  const roots = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((p) => String(p.root).replace(/^\/+|\/+$/g, ''))
  const main = { name: 'main', bytes: 0, files: 0 }
  const subpackages = roots.map((r) => ({ name: r, root: r, bytes: 0, files: 0 }))
  for (const file of files(root)) {
    const rel = relative(root, file).split(sep).join('/')
    const owner = subpackages.find((p) => rel.startsWith(`${p.root}/`)) ?? main
    owner.bytes += statSync(file).size
    owner.files += 1
  }
  return { dir: root, main, subpackages }
}

export const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10

/**
 * The report lines and the packages over budget.
 * @param {ReturnType<typeof measureWeapp>} m
 */
export function checkBudgets(m) {
  const rows = [
    { ...m.main, budgetKb: MAIN_BUDGET_KB },
    ...m.subpackages.map((p) => ({ ...p, budgetKb: SUBPACKAGE_BUDGET_KB })),
  ]
  const lines = rows.map((r) => `weapp ${r.name} ${kb(r.bytes).toFixed(1)} KB / ${r.budgetKb} KB`)
  const over = rows.filter((r) => r.bytes > r.budgetKb * 1024)
  return { lines, over }
}

function main() {
  let m
  try {
    m = measureWeapp(process.argv[2] ?? DEFAULT_DIR)
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e))
    process.exit(1)
  }
  const { lines, over } = checkBudgets(m)
  for (const line of lines) console.log(line)
  if (over.length) {
    for (const r of over) {
      const what = r.name === 'main' ? '主包' : `分包 ${r.name}`
      const en = r.name === 'main' ? 'main package' : `subpackage ${r.name}`
      console.error(`超出体积预算：${what} ${kb(r.bytes).toFixed(1)} KB，上限 ${r.budgetKb} KB（over budget: ${en} is ${kb(r.bytes).toFixed(1)} KB, limit ${r.budgetKb} KB）`)
    }
    process.exit(1)
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
