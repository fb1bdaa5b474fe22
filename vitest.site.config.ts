import { defineConfig } from 'vitest/config';

// `npm run test:site`: the built site (docs/.vitepress/dist, from `npm run docs:site`) in Debian's Chromium, driven by
// playwright-core. Not part of `npm test`: a clone without Chromium still passes `npm test`.
export default defineConfig({
  test: {
    include: ['test/site/**/*.browser.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
