// `jest`: the node project (domain, cloud functions against a real SQLite
// file, CLIs) and the jsdom project (pages with @testing-library/react).
// Taro ships ES modules (and bundles nested node_modules of its own), so
// everything under @tarojs and these packages goes through babel too.
const taroEsm = ['@tarojs', 'nanoid', '@nutui', '@babel/runtime', 'lodash-es', '@stencil', 'swiper', 'ssr-window', 'dom7', 'query-string', 'decode-uri-component', 'split-on-first', 'filter-obj']

module.exports = {
  // Generous: CI machines are shared, and the host and concurrency specs do real I/O.
  testTimeout: 30000,
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/{domain,cloud,cli,host,contract}/**/*.test.ts'],
      transform: { '^.+\\.[jt]sx?$': 'babel-jest' },
    },
    {
      displayName: 'pages',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/pages/**/*.test.tsx'],
      setupFiles: ['<rootDir>/tests/pages/env.js'],
      setupFilesAfterEnv: ['<rootDir>/tests/pages/setup.ts'],
      transform: { '^.+\\.[jt]sx?$': 'babel-jest', '^.+\\.m?js$': 'babel-jest' },
      transformIgnorePatterns: [`^(?!.*/node_modules/@tarojs/).*/node_modules/(?!(${taroEsm.join('|')})/)`],
      moduleNameMapper: {
        '^@tarojs/taro$': '<rootDir>/tests/pages/taro-h5.ts',
        '^@tarojs/components$': '@tarojs/components/lib/react/index',
        '\\.(css|scss|sass)$': '<rootDir>/tests/pages/style-stub.js',
        '^@/(.*)$': '<rootDir>/src/$1',
      },
    },
  ],
}
