// The layering rule itself: lint fails when the domain imports the platform,
// a driver or an outer layer, or when pages or stores reach into src/cloud.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const root = join(__dirname, '../..')

const FORBIDDEN: Array<[string, string]> = [
  ['src/domain/x.ts', "import Taro from '@tarojs/taro'\nexport const a = Taro\n"],
  ['src/domain/x.ts', "import Database from 'better-sqlite3'\nexport const a = Database\n"],
  ['src/domain/x.ts', "import { createHash } from 'node:crypto'\nexport const a = createHash\n"],
  ['src/domain/x.ts', "import { useSession } from '../stores/session'\nexport const a = useSession\n"],
  ['src/domain/x.ts', "import { call } from '../services/cloud-client'\nexport const a = call\n"],
  ['src/pages/x.ts', "import { main } from '../cloud/ping'\nexport const a = main\n"],
  ['src/stores/x.ts', "import { FUNCTIONS } from '../cloud/registry'\nexport const a = FUNCTIONS\n"],
  ['src/pages/x.ts', "import { call } from '../services/cloud-client'\nexport const a = call\n"],
]
const ALLOWED: Array<[string, string]> = [
  ['src/pages/x.ts', "import { useSession } from '../stores/session'\nexport const a = useSession\n"],
  ['src/stores/x.ts', "import { fetchMe } from '../services/identity'\nexport const a = fetchMe\n"],
  ['src/cloud/x.ts', "import { summariseRoll } from '../domain/roll'\nexport const a = summariseRoll\n"],
]

// ESLint runs in its own process (its flat config is an ES module, which
// jest's module system does not load) with the project's real config.
function lint(cases: Array<[string, string]>): string[][] {
  const script = `
    import { ESLint } from 'eslint'
    const cases = JSON.parse(process.argv[1])
    const eslint = new ESLint()
    const out = []
    for (const [file, code] of cases) {
      const [r] = await eslint.lintText(code, { filePath: file })
      out.push(r.messages.map((m) => m.ruleId ?? m.message))
    }
    console.log(JSON.stringify(out))`
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(cases.map(([f, c]) => [join(root, f), c]))], { cwd: root, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(r.stderr)
  return JSON.parse(r.stdout)
}

const results = lint([...FORBIDDEN, ...ALLOWED])

test.each(FORBIDDEN.map(([file, code], i) => [file, code.split('\n')[0], i] as const))('%s may not: %s', (_file, _code, i) => {
  expect(results[i].some((p) => p === 'import/no-restricted-paths' || p === 'no-restricted-imports')).toBe(true)
})

test('the allowed direction passes: a page reads a store, a store calls a service, the cloud uses the domain', () => {
  expect(results.slice(FORBIDDEN.length)).toEqual(ALLOWED.map(() => []))
})
