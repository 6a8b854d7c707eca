// The layers and the cycle check, run by `npm run check:layers` inside `npm test`
// (docs/architecture.md). Paths are relative to the project folder. Tests are outside the
// layer rules: they may reach into any layer to check it.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'An import cycle, type-only imports included: one module of the ring has to take what it needs as an argument or a narrow interface.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'renderer-only-contract',
      severity: 'error',
      comment: 'The window knows only itself and the AnnotatorApi contract (electron/contract), never the services, the hosts or Node built-ins.',
      from: { path: '^renderer/' },
      to: { pathNot: ['^renderer/', '^electron/contract/', '(^|/)node_modules/'] },
    },
    {
      name: 'window-no-zod',
      severity: 'error',
      comment:
        "zod stays out of the window's bundle (it was half of it): the window and the plain contract modules (all but schemas/, methods.ts and api.ts) take the schemas only as types, through window-api.ts. A contract module that needs zod goes under schemas/.",
      from: { path: ['^renderer/', '^electron/contract/'], pathNot: '^electron/contract/(schemas/|methods[.]ts$|api[.]ts$)' },
      to: { path: ['^zod$', '(^|/)node_modules/zod/', '^electron/contract/(schemas/|methods[.]ts$|api[.]ts$)'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'contract-pure',
      severity: 'error',
      comment: 'The contract is shared by the window and the services: it imports only itself and zod (no Node, no DOM code, no services, hosts or window).',
      from: { path: '^electron/contract/' },
      to: { pathNot: ['^electron/contract/', '(^|/)node_modules/zod/'] },
    },
    {
      name: 'services-no-hosts',
      severity: 'error',
      comment: 'Services are called by the hosts, never the other way: a host passes down what only it can do (dialogs, the recent list) as an argument.',
      from: { path: '^electron/services/' },
      to: { path: ['^electron/hosts/', '^renderer/'] },
    },
    {
      name: 'only-desktop-imports-electron',
      severity: 'error',
      comment: 'Only the desktop host (electron/hosts/desktop) imports electron; services, the browser host and the CLI run in plain Node.',
      from: { path: '^(electron|renderer)/', pathNot: '^electron/hosts/desktop/' },
      to: { path: ['^electron$', '(^|/)node_modules/electron/'] },
    },
    {
      name: 'hosts-apart',
      severity: 'error',
      comment: 'One host never imports another; what they share lives in electron/hosts/*.ts or in the services.',
      from: { path: '^electron/hosts/([^/]+)/' },
      to: { path: '^electron/hosts/[^/]+/', pathNot: '^electron/hosts/$1/' },
    },
    {
      name: 'not-to-tests',
      severity: 'error',
      comment: 'Production code never imports test code.',
      from: { pathNot: '^test/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    // Type-only imports count: they make cycles as real as value imports do for a reader.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: '(^|/)node_modules/' },
    exclude: { path: ['(^|/)dist/', '(^|/)\\.tmp/'] },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
