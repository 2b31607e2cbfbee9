// `npm run --silent cloudbase:setup`: prints what a CloudBase environment needs
// before the functions are deployed — every collection, its permission and
// the indexes the adapters' queries use — as a checklist for the console, or
// with --json for a script of your own.
import { COLLECTIONS, INDEXES } from '../cloud/kit/cloudbase/collections'

const names = Object.values(COLLECTIONS)
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(names.map((name) => ({ name, permission: 'ADMINONLY', indexes: INDEXES[name] ?? [] })), null, 2))
} else {
  console.log('在云开发控制台 → 数据库中创建以下集合（权限选「所有用户不可读写」：小程序端一律通过云函数访问）：\n')
  for (const name of names) {
    console.log(`- ${name}`)
    for (const index of INDEXES[name] ?? []) {
      const fields = index.fields.map(([f, dir]) => `${f} ${dir === 1 ? '升序' : '降序'}`).join('，')
      console.log(`    索引 ${index.name}：${fields}${index.unique ? '（唯一）' : ''}`)
    }
  }
}
