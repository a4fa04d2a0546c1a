// Vite serves and builds the explorer; Vitest runs every test from the same config.
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * The built app's Content-Security-Policy. Scripts come only from the app's own files, so markup
 * that slips into the page from data can never run; WebAssembly (Oxigraph) may compile. connect-src
 * stays open to any http(s) address because the endpoint explorer queries whatever SPARQL endpoint
 * the user types; the endpoint's own CORS answer decides, as it would for any page. Styles may be
 * inline: React style props, sigma and CodeMirror set them, and they cannot run script.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self' http: https:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Puts the policy into the built index.html as a meta tag, so it travels with the files wherever
 * they are served. Only at build time: the dev server's React refresh needs an inline script.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'triplescope-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
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
