// `npm start`: build the H5 pages if they are missing, bundle the host, run it.
import { existsSync } from 'node:fs'
import { spawnSync, spawn } from 'node:child_process'

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: false })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

if (!existsSync('dist/h5/index.html') || process.argv.includes('--rebuild')) {
  console.log('首次启动：正在构建 H5 页面（约 30 秒）…')
  run(process.execPath, ['node_modules/@tarojs/cli/bin/taro', 'build', '--type', 'h5'])
}
run(process.execPath, ['scripts/build-host.mjs', '--quiet'])
const host = spawn(process.execPath, ['--enable-source-maps', 'dist/host/main.js'], { stdio: 'inherit' })
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => host.kill(sig))
host.on('exit', (code) => process.exit(code ?? 0))
