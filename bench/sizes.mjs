// Sizes of what a consumer's bundler ships for each entry: bundled from src with rolldown
// (the bundler inside Vite), peers left out, minified, then gzip -9 and brotli.
import { readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { build } from 'rolldown';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const peers = Object.keys(pkg.peerDependencies);
const isPeer = (id) => peers.some((peer) => id === peer || id.startsWith(`${peer}/`));

const ENTRIES = [
  ['core', 'src/core/index.ts'],
  ['React entry (with core and both languages)', 'src/index.ts'],
  ['i18n (both languages)', 'src/i18n/index.ts'],
  ['i18n: zh', 'src/i18n/zh.ts'],
  ['i18n: en', 'src/i18n/en.ts'],
  ['testing (the simulator)', 'src/testing/index.ts'],
];

async function measure(input) {
  const { output } = await build({
    input,
    external: isPeer,
    write: false,
    logLevel: 'silent',
    output: { format: 'esm', minify: true, codeSplitting: false },
  });
  const code = Buffer.from(output[0].code);
  return {
    min: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code).length,
  };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
const rows = [];
for (const [name, input] of ENTRIES) rows.push({ entry: name, ...(await measure(input)) });
const css = readFileSync('src/styles.css');
rows.push({
  entry: 'styles.css',
  min: css.length,
  gzip: gzipSync(css, { level: 9 }).length,
  brotli: brotliCompressSync(css).length,
});

console.log('| entry | minified | gzip | brotli |\n|---|---:|---:|---:|');
for (const { entry, min, gzip, brotli } of rows)
  console.log(`| ${entry} | ${kb(min)} | ${kb(gzip)} | ${kb(brotli)} |`);

// Starts bench/results.json afresh; the behaviour bench adds its figures to it.
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify({ sizes: rows }, null, 2)}\n`);
