// Runs a TypeScript entry (a CLI or a benchmark) on Node: esbuild bundles it
// into .tmp/ (a few hundred ms) and it runs with the remaining arguments.
import { build } from 'esbuild'
import { mkdirSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const [entry, ...args] = process.argv.slice(2)
if (!entry) {
  console.error('用法：node scripts/run-ts.mjs <入口.ts> [参数…]')
  process.exit(2)
}
mkdirSync('.tmp/run', { recursive: true })
const outfile = resolve('.tmp/run', `${basename(entry).replace(/\.tsx?$/, '')}-${process.pid}.cjs`)
await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['better-sqlite3', 'pg', 'playwright-core', 'esbuild'], logLevel: 'error', sourcemap: 'inline' })
process.argv = [process.argv[0], entry, ...args]
try {
  await import(pathToFileURL(outfile).href)
} finally {
  // The bundle is disposable; leave it only if the run crashed hard.
  import('node:fs').then((fs) => process.on('exit', () => fs.rmSync(outfile, { force: true })))
}
