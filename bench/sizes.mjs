// Sizes of what a consumer's bundler ships: each import below is bundled from the built package
// (`dist`, resolved through package.json `exports` as an app would) with rolldown, the bundler
// inside Vite, for production, peers left out, minified, then gzip -9 and brotli.
// `--check` fails when an entry goes over its budget or the tree-shaking proof fails (`npm test`).
import { readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { build } from 'rolldown';

const KB = 1024;
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const peers = Object.keys(pkg.peerDependencies);
const isPeer = (id) => peers.some((peer) => id === peer || id.startsWith(`${peer}/`));
const isReact = (id) => ['react', 'react-dom'].some((peer) => id === peer || id.startsWith(`${peer}/`));

const ENTRIES = [
  { name: 'core', code: "export * from 'caoliao-api-errors/core'", budget: 5 * KB },
  { name: 'client', code: "export * from 'caoliao-api-errors/client'", budget: 6.5 * KB },
  {
    name: 'React entry (with core, no texts)',
    code: "export * from 'caoliao-api-errors'",
    // The translator (no i18next), useSubmitButton and the in-app close came in at 17.2 KB; the complete
    // pages (SubmissionArea, SubmissionResult, CertificateVerified, ApiQueryArea, LoadingPlaceholder)
    // took it from 17.24 to 18.15 KB. A phone page that imports none of them ships none of it.
    budget: 18.2 * KB,
  },
  { name: 'i18n: zh', code: "export { zh } from 'caoliao-api-errors/i18n'", budget: 5 * KB },
  { name: 'i18n: zh-Hant', code: "export { zhHant } from 'caoliao-api-errors/i18n'", budget: 5 * KB },
  { name: 'i18n: en', code: "export { en } from 'caoliao-api-errors/i18n'", budget: 5 * KB },
  { name: 'i18n (all of it)', code: "export * from 'caoliao-api-errors/i18n'" },
  { name: 'testing (the simulator)', code: "export * from 'caoliao-api-errors/testing'" },
  {
    name: 'react-hook-form bridge',
    code: "export * from 'caoliao-api-errors/react-hook-form'",
    budget: 0.5 * KB,
  },
  { name: 'antd bridge', code: "export * from 'caoliao-api-errors/antd'", budget: 0.5 * KB },
];

// What a Next.js route handler ships: the proxy with rate-limiter-flexible bundled in, for Node. ioredis is
// the host's own client (an optional peer, imported only by the Redis store): peers and Node's built-ins stay
// out, so that the proof below sees any of them the server entry imports.
const isNodeBuiltin = (id) => id.startsWith('node:') || builtinModules.includes(id);
const SERVER = {
  name: 'server: createApiProxy + rate-limiter-flexible (no ioredis)',
  code: "export { createApiProxy } from 'caoliao-api-errors/server'",
  external: (id) => isPeer(id) || isNodeBuiltin(id),
  platform: 'node',
  // rate-limiter-flexible's CommonJS index brings every limiter it has (about 16 KB of the 24 KB).
  budget: 28 * KB,
};

// An app that shows API errors in Chinese and nothing else: a visitor's phone page, with no i18next.
const CONSUMER = {
  name: 'consumer: ApiErrorBoundary + ApiErrorView + ApiErrorsProvider, zh only',
  code: `export { ApiErrorBoundary, ApiErrorView, ApiErrorsProvider } from 'caoliao-api-errors';
export { zh } from 'caoliao-api-errors/i18n';`,
  budget: 12 * KB,
};
// The same views at a verification desk, in Chinese: the staff's complete texts.
const CONSUMER_STAFF = {
  name: 'consumer, staff desk (zhStaff)',
  code: `export { ApiErrorBoundary, ApiErrorView, ApiErrorsProvider } from 'caoliao-api-errors';
export { zhStaff } from 'caoliao-api-errors/i18n';`,
};
// A host that uses i18next: the same views with react-i18next's provider and our texts in its instance,
// i18next and react-i18next bundled in (what it ships, most of it its own); the other peers left out.
const CONSUMER_WITH_I18N = {
  name: 'consumer of a host with i18next: react-i18next provider + addApiErrorResources, i18next + react-i18next',
  code: `export { ApiErrorBoundary, ApiErrorView } from 'caoliao-api-errors';
export { ApiErrorsProvider } from 'caoliao-api-errors/react-i18next';
export { addApiErrorResources } from 'caoliao-api-errors/i18n';`,
  external: (id) => isPeer(id) && !/^(i18next|react-i18next)(\/|$)/.test(id),
};
// The phone page with every peer it imports bundled in, react and react-dom still left out (listed below).
const CONSUMER_WITH_PEERS = {
  name: 'consumer (zh only) + every peer it imports but react, react-dom',
  code: CONSUMER.code,
  external: isReact,
};

const REFERENCES = [
  {
    name: 'reference: react-error-boundary ErrorBoundary',
    code: "export { ErrorBoundary } from 'react-error-boundary'",
  },
  { name: 'reference: @sentry/react ErrorBoundary', code: "export { ErrorBoundary } from '@sentry/react'" },
  { name: 'reference: antd Result', code: "export { Result } from 'antd'" },
];

async function bundle({ code, external = isPeer, platform = 'browser' }) {
  const { output } = await build({
    input: 'consumer',
    platform,
    plugins: [
      {
        name: 'consumer',
        resolveId: (id) => (id === 'consumer' ? id : null),
        load: (id) => (id === 'consumer' ? code : null),
      },
    ],
    external,
    write: false,
    logLevel: 'silent',
    transform: { define: { 'process.env.NODE_ENV': '"production"' } },
    output: { format: 'esm', minify: true, codeSplitting: false },
  });
  return output[0];
}

function measure(code) {
  const bytes = Buffer.from(code);
  return {
    min: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes).length,
  };
}

const rows = [];
const bundles = new Map();
for (const item of [
  ...ENTRIES,
  SERVER,
  CONSUMER,
  CONSUMER_STAFF,
  CONSUMER_WITH_I18N,
  CONSUMER_WITH_PEERS,
  ...REFERENCES,
]) {
  bundles.set(item, await bundle(item));
  rows.push({
    entry: item.name,
    ...measure(bundles.get(item).code),
    ...(item.budget ? { budget: item.budget } : {}),
  });
}
const css = readFileSync(new URL('../dist/styles.css', import.meta.url), 'utf8');
rows.push({ entry: 'styles.css', ...measure(css) });

// Tree-shaking proof: the consumer bundle holds its one language and none of what it does not import.
const consumer = bundles.get(CONSUMER).code;
// The packages each consumer bundle still imports: what the host must also ship.
const packagesImported = (item) => [
  ...new Set(bundles.get(item).imports.map((id) => id.match(/^(@[^/]+\/)?[^/]+/)[0])),
];
const consumerImports = Object.fromEntries(
  [CONSUMER, CONSUMER_STAFF, CONSUMER_WITH_I18N, CONSUMER_WITH_PEERS].map((item) => [
    item.name,
    packagesImported(item),
  ]),
);
const { zh, zhHant, en, zhStaff } = await import('caoliao-api-errors/i18n');
const isI18next = (id) => /^(i18next|react-i18next)$/.test(id);
const proof = [
  ['imports no i18next / react-i18next', !consumerImports[CONSUMER.name].some(isI18next)],
  ['has the Chinese texts', consumer.includes(zh.errors[429].title)],
  ['leaves out the staff’s texts', !consumer.includes(zhStaff.errors[401].title_staff)],
  ['leaves out the English texts', !consumer.includes(en.errors[429].title)],
  ['leaves out the Traditional Chinese texts', !consumer.includes(zhHant.errors[429].title)],
  ['leaves out the fetch client', !consumer.includes('/api/v2/rpc')],
  ['leaves out the React Query hooks', !consumer.includes('useInfiniteQuery')],
  ['leaves out Retry-After parsing', !consumer.includes('JanFebMar')],
  // A production build (NODE_ENV=production, as here) drops what only a developer reads.
  ['leaves out the developer’s warnings', !consumer.includes('caoliao-api-errors: ')],
];
// The server entry runs where there is no React and no DOM: it imports Node's built-ins and nothing else.
const serverImports = packagesImported(SERVER).filter((id) => !isNodeBuiltin(id));
const serverProof = [
  [
    'imports no package: rate-limiter-flexible bundled, neither React nor ioredis',
    serverImports.length === 0,
  ],
  ['holds the proxy', bundles.get(SERVER).code.includes('/api/v2/rpc')],
];

const kb = (bytes) => `${(bytes / KB).toFixed(2)} KB`;
console.log('| entry | minified | gzip | brotli | gzip budget |\n|---|---:|---:|---:|---|');
for (const { entry, min, gzip, brotli, budget } of rows) {
  const verdict = budget ? `${kb(budget)} ${gzip <= budget ? 'ok' : 'OVER'}` : '';
  console.log(`| ${entry} | ${kb(min)} | ${kb(gzip)} | ${kb(brotli)} | ${verdict} |`);
}
console.log('\nWhat each consumer bundle still imports (the host ships it):');
for (const [entry, packages] of Object.entries(consumerImports))
  console.log(`- ${entry}: ${packages.join(', ')}`);
console.log('\nThe consumer bundle:');
for (const [claim, holds] of proof) console.log(`- ${claim}: ${holds ? 'yes' : 'NO'}`);
console.log(
  `\nThe server bundle (Node built-ins it imports: ${packagesImported(SERVER).filter(isNodeBuiltin).join(', ') || 'none'}):`,
);
for (const [claim, holds] of serverProof)
  console.log(`- ${claim}: ${holds ? 'yes' : `NO (${serverImports.join(', ')})`}`);

if (process.argv.includes('--check')) {
  const over = rows.filter(({ gzip, budget }) => budget && gzip > budget);
  const broken = proof.filter(([, holds]) => !holds);
  const serverBroken = serverProof.filter(([, holds]) => !holds);
  if (over.length || broken.length || serverBroken.length) {
    for (const { entry, gzip, budget } of over)
      console.error(`size budget: ${entry} is ${kb(gzip)} gzip, over its ${kb(budget)}`);
    for (const [claim] of broken) console.error(`tree-shaking: the consumer bundle no longer ${claim}`);
    for (const [claim] of serverBroken)
      console.error(
        `server entry: the bundle no longer holds "${claim}" (imports: ${serverImports.join(', ')})`,
      );
    process.exit(1);
  }
} else {
  // Starts bench/results.json afresh; the behaviour bench adds its figures to it.
  writeFileSync(
    new URL('./results.json', import.meta.url),
    `${JSON.stringify(
      {
        sizes: rows,
        consumerImports,
        treeShaking: Object.fromEntries(proof),
        serverEntry: Object.fromEntries(serverProof),
      },
      null,
      2,
    )}\n`,
  );
}
