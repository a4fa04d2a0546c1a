// Vite serves and builds the explorer; Vitest runs every test from the same config.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    // The article beside the graph is bundled from the shared material next to the repository.
    fs: { allow: ['.', '../shared/seed'] },
  },
  preview: { host: '127.0.0.1', port: 4173 },
  worker: { format: 'es' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'w3c',
          include: ['tests/w3c/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One browser and one server are shared; the files run one after another.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'remote',
          include: ['tests/remote/**/*.test.ts'],
          environment: 'node',
          // Installs Virtuoso if missing, starts one server and bulk-loads the Rosmer graph and
          // the 1M-triple people graph into it, once for every remote test file.
          globalSetup: ['tests/remote/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // One Virtuoso is shared (and some tests time its answers): one file at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
