// The first step of `npm test`: is what the tests need outside npm on this machine? Chromium (found as
// vite.config.ts finds it: CHROMIUM_PATH, else /usr/bin/chromium), the fonts the screenshot baselines were
// drawn with (Noto Sans CJK, DejaVu Sans, as fontconfig lists them) and `redis-server` on PATH (the server
// tests start their own). Anything missing: one line naming it and the one command that installs it, exit 1,
// before a single test runs. Nothing missing: silent, exit 0.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const isExecutable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

const onPath = (command) =>
  (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && isExecutable(join(dir, command)));

/** The font families fontconfig knows for `pattern`, or undefined when fontconfig itself is missing. */
const fontFamilies = (pattern) => {
  try {
    return execFileSync('fc-list', [pattern, 'family'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return undefined;
  }
};

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chinese = fontFamilies(':lang=zh');
const latin = fontFamilies(':');

// Each piece: what the line calls it, whether it is here, and the Debian package that brings it.
const pieces = [
  { name: `Chromium (${chromiumPath})`, found: isExecutable(chromiumPath), apt: 'chromium' },
  { name: 'fontconfig (fc-list)', found: chinese !== undefined, apt: 'fontconfig' },
  {
    name: 'CJK fonts (Noto Sans CJK)',
    found: chinese?.includes('Noto Sans CJK') ?? false,
    apt: 'fonts-noto-cjk',
  },
  { name: 'DejaVu fonts', found: latin?.includes('DejaVu Sans') ?? false, apt: 'fonts-dejavu-core' },
  { name: 'redis-server (on PATH)', found: onPath('redis-server'), apt: 'redis-server' },
];

const missing = pieces.filter((piece) => !piece.found);
if (missing.length > 0) {
  const names = missing.map((piece) => piece.name).join(', ');
  const packages = missing.map((piece) => piece.apt).join(' ');
  console.error(`npm test cannot run here: missing ${names}. Install with: apt-get install -y ${packages}`);
  process.exit(1);
}
