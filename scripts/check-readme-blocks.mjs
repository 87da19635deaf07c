// A step of `npm test`: every ```ts and ```tsx block of README.md compiles under strict TypeScript, so a
// snippet that stops compiling fails the build. Each block becomes its own module, padded with empty lines so
// that the compiler's line numbers are README.md's; they import the package by its public names, resolved to
// `src` through the "types" of package.json's "exports"; the app's own names (a host's `signIn`,
// `openIdentityForm`…) are declared once in docs/readme-app.d.ts. The project's strict options hold, but for
// unused names (a block may list what an entry offers) and the stylesheet's import, which has no types
// (scripts/readme-blocks.tsconfig.json). A block that is a fragment on purpose is fenced ```tsx fragment:
// it is not compiled, and the check names and counts those. Prints one line per failure
// (README.md:line:column - error TSnnnn: …) and exits 1; silent but for its tally otherwise.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const readmePath = join(root, 'README.md');
const blocksDir = join(root, 'node_modules', '.cache', 'readme-blocks');
const startedAt = performance.now();

/** The README's fenced blocks of ts/tsx: their language, whether they opt out as fragments, their lines. */
const readBlocks = (text) => {
  const blocks = [];
  let open;
  text.split('\n').forEach((line, index) => {
    const fence = /^```(\S*)\s*(.*)$/.exec(line);
    if (!fence) {
      open?.code.push(line);
    } else if (open) {
      blocks.push(open);
      open = undefined;
    } else if (fence[1] === 'ts' || fence[1] === 'tsx') {
      open = { language: fence[1], fragment: fence[2] === 'fragment', fenceLine: index + 1, code: [] };
    } else if (fence[1] !== '') {
      // another language's block: its lines are skipped until the closing fence
      open = { language: fence[1], skipped: true, code: [] };
    }
  });
  return blocks.filter((block) => !block.skipped);
};

/** Each public name of package.json's "exports" mapped to the `src` file its "types" are built from. */
const sourcePaths = () => {
  const { name, exports } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const paths = {};
  for (const [subpath, target] of Object.entries(exports)) {
    const built = typeof target === 'string' ? target : target.types;
    const source = built
      .replace(/^\.\/(dist\/)?/, (_, dist) => `../../../${dist ? 'src/' : ''}`)
      .replace(/\.d\.ts$/, '.ts');
    paths[subpath === '.' ? name : `${name}/${subpath.slice(2)}`] = [source];
  }
  return paths;
};

/** Writes each block as its own module (its first line on its README line) and the tsconfig that checks them. */
const writeBlocks = (blocks) => {
  rmSync(blocksDir, { recursive: true, force: true });
  mkdirSync(blocksDir, { recursive: true });
  for (const block of blocks) {
    const module = `${'\n'.repeat(block.fenceLine)}${block.code.join('\n')}\nexport {};\n`;
    writeFileSync(join(blocksDir, `readme-${block.fenceLine}.${block.language}`), module);
  }
  const tsconfig = {
    extends: '../../../scripts/readme-blocks.tsconfig.json',
    compilerOptions: { paths: sourcePaths() },
    include: ['*.ts', '*.tsx', '../../../docs/readme-app.d.ts'],
  };
  writeFileSync(join(blocksDir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
};

/** tsc's diagnostics, with each block's file name turned into README.md (its lines already are README's). */
const compile = () => {
  const tsc = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      join(blocksDir, 'tsconfig.json'),
      '--pretty',
      'false',
    ],
    { encoding: 'utf8' },
  );
  const output = `${tsc.stdout}${tsc.stderr}`.replace(
    /^(?:node_modules\/\.cache\/readme-blocks\/)?readme-\d+\.tsx?\((\d+),(\d+)\)/gm,
    'README.md:$1:$2',
  );
  return { ok: tsc.status === 0, output: output.trim() };
};

const blocks = readBlocks(readFileSync(readmePath, 'utf8'));
const checked = blocks.filter((block) => !block.fragment);
const fragments = blocks.filter((block) => block.fragment);
writeBlocks(checked);
const { ok, output } = compile();
const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
const tally = `${checked.length} blocks type-checked, ${fragments.length} fragments not compiled${
  fragments.length > 0 ? ` (README.md lines ${fragments.map((block) => block.fenceLine).join(', ')})` : ''
}, ${seconds} s`;
if (!ok) {
  console.error(`README.md: blocks that do not compile under strict TypeScript\n${output}`);
  console.error(tally);
  process.exit(1);
}
console.log(`README.md: ${tally}`);
