// The import rules of ../shared/DESIGN.md, checked in `npm test` (npm run lint:layers).
// Libraries are layered; a library imports only libraries below it:
//   common, db, workflow (pure: xstate only)
//   files, letters, sla, audit (the append-only audit log)
//   notify                    (sends what letters render)
//   registry                  (the systems of record: identities, memberships, Digipay, accounts)
//   auth                      (sessions and scope, read from the registry's memberships)
//   services                  (one folder per service: its catalogue entry, machines, effects, notices)
//   tickets
//   admin, kb, skm            (above tickets: they use it, it never uses them)
// apps/api and apps/worker never import each other (apps/main.ts composes both for `npm start`);
// controllers reach the database only through services; nothing imports a module that imports it back.
const LAYERS = [
  ['common', 'db', 'workflow'],
  ['files', 'letters', 'sla', 'audit'],
  ['notify'],
  ['registry'],
  ['auth'],
  ['services'],
  ['tickets'],
  ['admin', 'kb', 'skm'],
];
const levelOf = Object.fromEntries(LAYERS.flatMap((libs, level) => libs.map((lib) => [lib, level])));
const libsAtOrAbove = (level) => Object.keys(levelOf).filter((lib) => levelOf[lib] >= level);

const upward = Object.keys(levelOf)
  .map((lib) => {
    // Same-level libraries may not import each other either: only strictly lower ones.
    const forbidden = libsAtOrAbove(levelOf[lib]).filter((other) => other !== lib);
    return {
      name: `layers-${lib}`,
      comment: `libs/${lib} may import only libraries below it (${LAYERS.slice(0, levelOf[lib]).flat().join(', ') || 'none'})`,
      severity: 'error',
      from: { path: `^libs/${lib}/` },
      to: { path: `^libs/(${forbidden.join('|')})/` },
    };
  })
  .filter((rule) => !rule.to.path.includes('()'));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'a module cycle (a cycle made only of type imports is erased at compile time and allowed)',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'workflow-is-pure',
      severity: 'error',
      comment: 'libs/workflow imports only xstate (and its own files): no Nest, no database, no I/O',
      from: { path: '^libs/workflow/' },
      to: { pathNot: ['^libs/workflow/', '^node_modules/xstate/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'service-definition-is-pure',
      severity: 'error',
      comment:
        "a service's definition.ts and machine.ts hold its catalogue entry and machines: workflow and xstate only",
      from: { path: '^libs/services/src/[^/]+/(definition|machine)\\.ts$' },
      to: {
        pathNot: ['^libs/workflow/', '^node_modules/xstate/', '^libs/services/src/[^/]+/(definition|machine)\\.ts$'],
        dependencyTypesNot: ['type-only'],
      },
    },
    ...upward,
    {
      name: 'libs-not-apps',
      severity: 'error',
      comment: 'libraries never import applications or migrations',
      from: { path: '^libs/' },
      to: { path: '^(apps|migrations)/' },
    },
    {
      name: 'api-not-worker',
      severity: 'error',
      comment: 'apps never import each other (apps/main.ts composes them)',
      from: { path: '^apps/api/' },
      to: { path: '^apps/worker/' },
    },
    {
      name: 'worker-not-api',
      severity: 'error',
      comment: 'apps never import each other: the worker has its own container',
      from: { path: '^apps/worker/' },
      to: { path: '^apps/api/' },
    },
    {
      name: 'controllers-not-db',
      severity: 'error',
      comment: 'controllers call services; SQL and the data source live in libraries',
      from: { path: '\\.controller\\.ts$' },
      to: { path: ['^libs/db/', '^node_modules/typeorm/', '^node_modules/pg/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|^test/|\\.spec\\.ts$)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
