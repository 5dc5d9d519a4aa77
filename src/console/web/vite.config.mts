import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The console is built into dist/console-web, which ConsoleModule serves at `/`; the words it shares with the server (src/words) are bundled in. */
export default defineConfig({
  root: here,
  base: '/',
  publicDir: 'public',
  build: {
    outDir: fileURLToPath(new URL('../../../dist/console-web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Inline data: URLs would need a looser CSP; every asset is a file of its own.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
