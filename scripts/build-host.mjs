// Bundles the local host (and every cloud function it serves) into
// dist/host/main.js with esbuild; better-sqlite3 stays a runtime dependency.
import { build } from 'esbuild'

const started = Date.now()
await build({
  entryPoints: { main: 'src/host/main.ts' },
  outdir: 'dist/host',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  external: ['better-sqlite3', 'pg'],
  logLevel: 'warning',
})
if (!process.argv.includes('--quiet')) console.log(`本地主机已打包：dist/host/main.js（${Date.now() - started} ms）`)
