// Lint: TypeScript sanity plus the layering of design.md, enforced so it
// cannot rot quietly: pages -> stores -> services -> (wire) -> cloud -> domain.
import tseslint from 'typescript-eslint'
import importPlugin from 'eslint-plugin-import'
import globals from 'globals'

const platformAndDrivers = ['@tarojs/*', 'wx-server-sdk', 'better-sqlite3', 'pg', 'zustand', 'react', 'react-dom', 'node:*']

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tmp/**', 'coverage/**', '.data/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mjs,js}'],
    plugins: { import: importPlugin },
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    settings: { 'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'import/no-restricted-paths': ['error', {
        zones: [
          { target: './src/domain', from: ['./src/cloud', './src/services', './src/stores', './src/pages', './src/packages', './src/components', './src/host', './src/contracts', './src/seed'], message: 'src/domain 是纯粹的业务规则，不能依赖外层。' },
          { target: './src/contracts', from: ['./src/cloud', './src/services', './src/stores', './src/pages', './src/packages', './src/components', './src/host'], message: 'contracts 只描述请求和应答。' },
          { target: ['./src/pages', './src/packages', './src/components', './src/stores', './src/services'], from: ['./src/cloud', './src/host', './src/seed'], message: '客户端只能通过 services/cloud-client 调用云函数。' },
          { target: ['./src/pages', './src/packages', './src/components'], from: './src/services', message: '页面读 stores，由 stores 调用 services。' },
          { target: './src/stores', from: ['./src/pages', './src/packages', './src/components'], message: 'stores 不依赖页面。' },
          { target: './src/services', from: ['./src/stores', './src/pages', './src/packages', './src/components'], message: 'services 不依赖 stores 或页面。' },
          { target: './src/cloud', from: ['./src/services', './src/stores', './src/pages', './src/packages', './src/components', './src/host'], message: '云函数不依赖客户端或本地主机。' },
        ],
      }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: platformAndDrivers, message: 'src/domain 不能引用 Taro、微信、数据库驱动、状态库或 Node 平台模块：时间等由参数传入。' }] }],
      'no-restricted-globals': ['error', { name: 'wx', message: 'src/domain 不能调用微信接口。' }],
    },
  },
  {
    files: ['src/pages/**/*.{ts,tsx}', 'src/packages/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}', 'src/stores/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['wx-server-sdk', 'better-sqlite3', 'pg', 'node:*', 'zod'], message: '客户端代码不能引用服务端依赖。' }] }],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx,js}', 'scripts/**/*.{mjs,js,ts}', '*.js', '*.mjs', 'config/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
)
