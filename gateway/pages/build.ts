/**
 * Bundles the pages the gateway serves itself into dist/: GraphiQL (gateway/graphiql/app.tsx →
 * graphiql.js, graphiql.css) and the ops console (gateway/ops-console/app.ts → ops-console.js,
 * ops-console.css). Run by `npm run build:pages`, and on `npm install` through `prepare`.
 *
 * The hub may run with no internet, so the build fails if the output would
 * make the browser fetch anything from another host.
 */
import type { Plugin } from 'esbuild';
import { createRequire } from 'node:module';
import { readFile, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outdir = join(here, 'dist');

/** Each page's bundle name and its entry. */
const PAGES = {
  graphiql: join(here, '..', 'graphiql', 'app.tsx'),
  'ops-console': join(here, '..', 'ops-console', 'app.ts'),
};

/**
 * The toolkit loads graphql-ws lazily for subscriptions; the package is optional,
 * so when it is absent the bundle gets a stub and subscriptions fail with a clear error.
 */
const optionalGraphqlWs: Plugin = {
  name: 'optional-graphql-ws',
  setup(b) {
    const require = createRequire(PAGES.graphiql);
    try {
      require.resolve('graphql-ws');
      return;
    } catch {
      console.warn('graphql-ws is not installed: subscriptions are disabled in GraphiQL and the ops console');
    }
    b.onResolve({ filter: /^graphql-ws$/ }, () => ({ path: 'graphql-ws', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: 'export function createClient() { throw new Error("graphql-ws is not bundled"); }',
    }));
  },
};

// `prepare` also runs on production installs without dev dependencies: skip the
// build there instead of failing the install; the gateway then answers 503 for both pages.
let esbuild: typeof import('esbuild');
try {
  esbuild = await import('esbuild');
} catch {
  console.warn('esbuild is not installed (dev dependencies omitted?): GraphiQL and the ops console not built');
  process.exit(0);
}

await rm(outdir, { recursive: true, force: true });
const result = await esbuild.build({
  entryPoints: PAGES,
  outdir,
  bundle: true,
  // One self-contained file: dynamic imports are inlined, no chunks to fetch.
  format: 'iife',
  splitting: false,
  minify: true,
  sourcemap: false,
  target: ['es2020'],
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  // Any asset referenced from CSS is inlined rather than linked.
  loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.png': 'dataurl', '.svg': 'dataurl', '.gif': 'dataurl' },
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [optionalGraphqlWs],
  metafile: true,
});

const problems: string[] = [];
for (const page of Object.keys(PAGES)) {
  const js = await readFile(join(outdir, `${page}.js`), 'utf8');
  const css = await readFile(join(outdir, `${page}.css`), 'utf8');
  problems.push(
    ...[...css.matchAll(/url\(\s*(?!['"]?data:)([^)]*)\)/g)].map((m) => `${page}: CSS url(${m[1]})`),
    ...[...css.matchAll(/@import[^;]*/g)].map((m) => `${page}: CSS ${m[0]}`),
    // Workers and chunks would be separate requests that the gateway does not serve.
    ...(/\bnew (Shared)?Worker\(/.test(js) ? [`${page}: JS creates a Worker`] : []),
    ...(/\bimport\(\s*["'`]/.test(js) ? [`${page}: JS keeps a dynamic import()`] : []),
  );
}
if (problems.length > 0) {
  console.error(`A page's bundle would load resources at run time:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

for (const file of Object.keys(result.metafile.outputs)) {
  const { size } = await stat(file);
  console.log(`${file.slice(file.indexOf('gateway/'))}  ${(size / 1024).toFixed(0)} KiB`);
}
