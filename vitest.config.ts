import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // expect.poll waits for a signal (a page's state, a count): on a busy CI machine a page can take
    // seconds to settle, so the default 1 s is too short; a poll still ends as soon as it holds.
    expect: { poll: { timeout: 30_000 } },
  },
});
