// Architecture rules, checked in CI by `npm run arch:check` (dependency-cruiser): a violation
// names both files. The private-`dist/` rule is not here: a public import resolves into `dist/`
// too, so it needs the import's specifier, not its resolved path: test/private-imports.test.ts reads them.
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'Dependencies run one way.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'platform-imports-no-service',
      comment: 'platform/ is what every service shares; it knows no service, the gateway, the seed or the entry points.',
      severity: 'error',
      from: { path: '^platform/' },
      to: { path: '^(gateway|subgraphs|seed|scripts|bench)/|^(hub|main)\\.ts$' },
    },
    {
      name: 'no-system-imports-another',
      comment: 'Systems meet only through the graph and the event stream.',
      severity: 'error',
      from: { path: '^subgraphs/([^/]+)/' },
      to: { path: '^subgraphs/([^/]+)/', pathNot: '^subgraphs/$1/' },
    },
    {
      name: 'no-test-or-bench-imports',
      comment: 'Product code never imports a test or a benchmark.',
      severity: 'error',
      from: { pathNot: '^(test|bench)/|\\.test\\.ts$' },
      to: { path: '^(test|bench)/|\\.test\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|bench/peers|gateway/pages/dist)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
