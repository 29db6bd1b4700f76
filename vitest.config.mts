import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const cheapScrypt = 'test/cheap-scrypt.ts';

export default defineConfig({
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      { test: { name: 'unit', environment: 'node', include: ['test/unit/**/*.test.ts'], setupFiles: [cheapScrypt] } },
      {
        test: { name: 'integration', environment: 'node', include: ['test/integration/**/*.test.ts'], setupFiles: [cheapScrypt], testTimeout: 30_000 },
      },
      { plugins: [react()], test: { name: 'ui', environment: 'jsdom', include: ['test/ui/**/*.test.tsx'], setupFiles: [cheapScrypt, 'test/ui/setup.ts'] } },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          setupFiles: [cheapScrypt],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
