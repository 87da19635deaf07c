import { describe, it } from 'vitest';
import { setUpFleet } from '../test/server/fixtures/processes.js';
import { runSubmissions } from '../test/server/fixtures/submissions-run.js';
import { recordResults, table } from './report.js';

// Issue #13, point 4: what the idempotency layer prevents. The same run as
// test/server/exactly-once.test.ts (which asserts the layer's figures), and its control without it.
const fleet = setUpFleet();

describe('bench', () => {
  it('200 submissions through 3 instances, 30 % stored then failed: with and without idempotency keys', async () => {
    const rows = [];
    for (const idempotency of [true, false]) {
      const run = await runSubmissions({
        redisPort: fleet.redisPort(),
        keyPrefix: `bench-exactly-once-${idempotency}`,
        idempotency,
        submissions: 200,
        browsers: 40,
        faultShare: 0.3,
      });
      rows.push({ proxy: idempotency ? 'idempotency layer' : 'no idempotency layer (control)', ...run });
    }
    recordResults({ exactlyOnce: rows });
    table('200 submissions, 30 % stored then failed, each resent until it succeeds', rows);
  }, 300_000);
});
