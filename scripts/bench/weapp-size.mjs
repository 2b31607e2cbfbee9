// Size of the WeChat build (dist/weapp; `npm run build:weapp` first), as
// scripts/check-size.mjs measures it. Prints `bench weapp_main_kb` and
// `bench weapp_subpackage_max_kb` (budgets: 1024 KB each).
import { kb, measureWeapp } from '../check-size.mjs'

try {
  const m = measureWeapp()
  const largest = Math.max(0, ...m.subpackages.map((p) => p.bytes))
  console.log(`bench weapp_main_kb ${kb(m.main.bytes).toFixed(1)} KB`)
  console.log(`bench weapp_subpackage_max_kb ${kb(largest).toFixed(1)} KB`)
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e))
  process.exit(1)
}
