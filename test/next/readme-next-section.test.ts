import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// README's "Next.js (App Router)" shows two files of examples/next-app whole: a block whose first line
// names the file holds that file as it is, so the README cannot drift from what CI builds and drives.
const readme = readFileSync('README.md', 'utf8');

/** The body of the one ts/tsx block of README.md whose first line is `first`, without that line. */
function blockAfter(first: string): string {
  const blocks = [...readme.matchAll(/```tsx?\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  const found = blocks.filter((block) => block.startsWith(`${first}\n`));
  if (found.length !== 1) throw new Error(`README.md: ${found.length} ts/tsx blocks start with ${first}`);
  return (found[0] as string).slice(first.length + 1);
}

describe("README's Next.js section", () => {
  it.each([
    ['// app/api-providers.tsx', 'examples/next-app/app/api-providers.tsx'],
    [
      "// app/caoliao/form/[...path]/route.ts — the form's proxy (the desk's: allow: 'desk', and your sign-in)",
      'examples/next-app/app/caoliao/form/[...path]/route.ts',
    ],
  ])('%s is the example’s file as it is', (first, file) => {
    expect(blockAfter(first)).toBe(readFileSync(file, 'utf8'));
  });
});
