import { readFileSync, writeFileSync } from 'node:fs';

const RESULTS = 'bench/results.json'; // npm run bench runs from the project root

/** Prints rows as a Markdown table, for BENCHMARKS.md. */
export function table(title: string, rows: Record<string, unknown>[]) {
  const columns = Object.keys(rows[0] ?? {});
  console.log(`\n${title}\n| ${columns.join(' | ')} |\n|${columns.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${columns.map((column) => String(row[column])).join(' | ')} |`);
}

/** Adds figures to bench/results.json, which `node bench/sizes.mjs` started afresh. */
export function recordResults(results: Record<string, unknown>) {
  let previous: Record<string, unknown> = {};
  try {
    previous = JSON.parse(readFileSync(RESULTS, 'utf8'));
  } catch {}
  writeFileSync(RESULTS, `${JSON.stringify({ ...previous, ...results }, null, 2)}\n`);
}

/** `3` when every run gave 3, `3–5` when they differ; `digits` decimals. */
export function spread(values: number[], digits = 0): string {
  const [low, high] = [Math.min(...values), Math.max(...values)].map((value) => value.toFixed(digits));
  return low === high ? `${low}` : `${low}–${high}`;
}
