/** The one-direction data flow of DESIGN.md, enforced: CI fails when a layer reaches upstream. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'server/domain knows no store, no HTTP and nothing else of the server.',
      severity: 'error',
      from: { path: '^server/domain' },
      to: { path: '^server/(?!domain)' },
    },
    {
      name: 'store-knows-domain-only',
      comment: 'Besides the domain, only the helper that starts a worker thread (the background checkpoint).',
      severity: 'error',
      from: { path: '^server/store' },
      to: { path: '^server/(?!domain|store|workers/ts-worker)' },
    },
    {
      name: 'analytics-knows-no-store',
      severity: 'error',
      from: { path: '^server/analytics' },
      to: { path: '^server/(store|http|ingest)' },
    },
    {
      name: 'client-imports-types-only',
      comment: 'The client may import types from server/domain, nothing that runs.',
      severity: 'error',
      from: { path: '^client' },
      to: { path: '^server', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'client-only-domain-types',
      severity: 'error',
      from: { path: '^client' },
      to: { path: '^server/(?!domain)' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.test\\.ts$' },
  },
};
