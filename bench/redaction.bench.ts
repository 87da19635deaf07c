// @vitest-environment node
import { loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, it } from 'vitest';
import { redactSecret } from '../src/core/redact-secret.js';
import { passOn } from '../src/server/upstream-answer.js';
import { recordResults, table } from './report.js';

// Issue #18, point 8: redaction stays linear. A 4 MiB answer (the proxy's `maxAnswerBytes`) that
// holds a copy of the key costs about what one without does; before, 8.8 s and +317 MB.
const API_KEY = 'sk_live_4fQ9xT2mRb7LwZ0kVc8NjYs3HdPa6Ge';
const MiB = 1024 * 1024;
const RUNS = 5;

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** A getRecords-like JSON answer of about `bytes` UTF-8 bytes, one note set to `note`. */
function jsonAnswer(bytes: number, note: string): string {
  const records: string[] = [];
  let size = 0;
  for (let id = 100_001; size < bytes; id++) {
    const record = JSON.stringify({
      record_id: id,
      record_url: `https://qr.cli.im/r/${id}`,
      fields: [
        { field_id: 71234567890101, field_value: '张三' },
        { field_id: 71234567890103, field_value: id === 100_500 ? note : '备注' },
      ],
    });
    records.push(record);
    size += Buffer.byteLength(record) + 1;
  }
  return `{"code":0,"data":{"list":[${records.join(',')}]}}`;
}

/** The gateway's HTML page of about `bytes`, a line of it set to `line`. */
function htmlPage(bytes: number, line: string): string {
  const filler = '<p>502 Bad Gateway &amp; retry in 50% of cases</p>\n';
  const half = filler.repeat(Math.floor(bytes / filler.length / 2));
  return `<html><body>${half}<pre>${line}</pre>${half}</body></html>`;
}

/** The median time of `RUNS` calls, and how much the heap grew during one (no collection between). */
function measure(call: () => unknown) {
  call();
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    call();
    times.push(performance.now() - started);
  }
  collectGarbage();
  const before = process.memoryUsage();
  const kept = call();
  const after = process.memoryUsage();
  const grew = after.heapUsed + after.external - before.heapUsed - before.external;
  if (kept === undefined) throw new Error('nothing returned');
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(RUNS / 2)] as number, mb: grew / MiB };
}

describe('bench', () => {
  it('redaction of a 4 MiB answer: with a copy of the key and without', () => {
    const loadAtStart = loadavg()[0]?.toFixed(2);
    const secretRun = API_KEY.slice(8, 30);
    const cases = [
      { answer: 'JSON (getRecords)', holds: 'nothing', text: jsonAnswer(4 * MiB, '备注') },
      { answer: 'JSON (getRecords)', holds: '22 secret characters', text: jsonAnswer(4 * MiB, secretRun) },
      { answer: 'JSON (getRecords)', holds: 'the whole key', text: jsonAnswer(4 * MiB, `Bearer ${API_KEY}`) },
      { answer: 'HTML 502 page', holds: 'nothing', text: htmlPage(4 * MiB, 'upstream') },
      { answer: 'HTML 502 page', holds: '22 secret characters', text: htmlPage(4 * MiB, secretRun) },
      { answer: 'HTML 502 page', holds: 'the whole key', text: htmlPage(4 * MiB, `Bearer ${API_KEY}`) },
    ];
    const rows = cases.map(({ answer, holds, text }) => {
      const bytes = new TextEncoder().encode(text);
      const { ms, mb } = measure(() => passOn(200, new Headers(), bytes, API_KEY));
      return { answer, holds, MiB: (bytes.byteLength / MiB).toFixed(2), 'passOn (ms)': ms, 'heap (MB)': mb };
    });
    const baseline = (answer: string) => rows.find((row) => row.answer === answer && row.holds === 'nothing');
    const proxyRows = rows.map((row) => ({
      ...row,
      'passOn (ms)': row['passOn (ms)'].toFixed(1),
      '× nothing': (row['passOn (ms)'] / (baseline(row.answer)?.['passOn (ms)'] ?? Number.NaN)).toFixed(2),
      'heap (MB)': row['heap (MB)'].toFixed(1),
    }));

    // redactSecret alone (the text rule: headers, non-JSON answers, the client's error texts).
    const text = htmlPage(4 * MiB, 'upstream');
    const texts = [
      { text: '4 MiB of HTML', holds: 'nothing', value: text },
      { text: '4 MiB of HTML', holds: 'a run of 22', value: htmlPage(4 * MiB, secretRun) },
      {
        text: '4 MiB of copies of the key',
        holds: 'only copies',
        value: API_KEY.repeat((4 * MiB) / API_KEY.length),
      },
      {
        text: '4 MiB of URL-encoded copies',
        holds: 'only copies',
        value: encodeURIComponent(API_KEY).repeat((4 * MiB) / API_KEY.length),
      },
    ];
    const textRows = texts.map(({ text, holds, value }) => {
      // Flattened, as a consumer of the result would: a rope of slices costs nothing until read.
      const { ms, mb } = measure(() => redactSecret(value, API_KEY).indexOf('\0'));
      return { text, holds, 'redactSecret (ms)': ms.toFixed(1), 'heap (MB)': mb.toFixed(1) };
    });

    recordResults({ redaction: { passOn: proxyRows, redactSecret: textRows } });
    table(`The proxy passing on a 4 MiB answer, median of ${RUNS} (load at start ${loadAtStart})`, proxyRows);
    table('redactSecret on 4 MiB of text', textRows);
  });
});
