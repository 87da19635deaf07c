import { expect, it } from 'vitest';
import { setUpFleet } from './fixtures/processes.js';
import { runSubmissions } from './fixtures/submissions-run.js';

// Issue #13, point 4. The control run without the idempotency layer is a figure in `npm run bench`.
const fleet = setUpFleet();

it('200 submissions through 3 instances on one Redis, 30 % stored then failed: exactly 200 records', async () => {
  const run = await runSubmissions({
    redisPort: fleet.redisPort(),
    keyPrefix: 'exactly-once',
    idempotency: true,
    submissions: 200,
    browsers: 40,
    faultShare: 0.3,
  });
  expect(run).toMatchObject({ succeeded: 200, records: 200, duplicates: 0, lost: 0 });
  // The faults did happen (without the layer, each one resent is a second record), and some were
  // settled only by the browser's resend, when the proxy's own look-up failed too.
  expect(run.faults).toBeGreaterThanOrEqual(40);
  expect(run.attempts).toBeGreaterThan(200);
}, 180_000);
