import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ApiClient, createApiClient } from '../../src/client/index.js';
import { type ApiError, getRetryAt } from '../../src/core/index.js';
import { send, startTestServer } from '../support/test-server.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  await close?.();
  close = undefined;
});

/** One call of the steady load: when it was sent, and when (and whether) it was served. */
interface Outcome {
  sentAt: number;
  at?: number;
  ok?: boolean;
  error?: ApiError;
}

const SEND_EVERY_MS = 500;
const SENDING_MS = 31_000;
const ANSWERED_WITHIN_MS = 1500;

/**
 * Sends a call every 500 ms for 31 s, on the clock (a late timer on a busy machine does not thin
 * the load), letting time pass with `sleep`; resolves once every call is answered.
 */
async function steadyLoad(client: ApiClient, sleep: (ms: number) => Promise<unknown>) {
  const started = Date.now();
  const outcomes: Outcome[] = [];
  for (let index = 0; index * SEND_EVERY_MS < SENDING_MS; index += 1) {
    const due = started + index * SEND_EVERY_MS;
    if (due > Date.now()) await sleep(due - Date.now());
    const outcome: Outcome = { sentAt: Date.now() };
    outcomes.push(outcome);
    client.getFormList().then(
      () => Object.assign(outcome, { ok: true, at: Date.now() }),
      (error: ApiError) => Object.assign(outcome, { ok: false, at: Date.now(), error }),
    );
  }
  while (outcomes.some(({ at }) => at === undefined)) await sleep(10);
  return outcomes;
}

/** Of the calls sent from the horizon of the first call's 429 + 2 s: the wait of each, and the share answered within 1.5 s. */
function fromHorizon(outcomes: Outcome[]) {
  const [first] = outcomes;
  expect(first).toMatchObject({ ok: false, error: { code: 429 } });
  const horizon = getRetryAt(first?.error as ApiError) as number;
  const late = outcomes.filter(({ sentAt }) => sentAt >= horizon + 2000);
  const waits = late.map(({ sentAt, at = Number.NaN }) => at - sentAt);
  const prompt = late.filter(({ ok, sentAt, at = Number.NaN }) => ok && at - sentAt <= ANSWERED_WITHIN_MS);
  return { late, waits, promptShare: prompt.length / late.length };
}

/** A server that refuses the first call (429, `Retry-After: 5`) and takes every other. */
const refusesOnce = () => {
  let refused = false;
  return (): { status: number; body: object; headers: Record<string, string> } => {
    if (refused) return { status: 200, body: { code: 0, data: 'ok' }, headers: {} };
    refused = true;
    return {
      status: 429,
      body: { code: 429, message: 'Too many requests' },
      headers: { 'Retry-After': '5' },
    };
  };
};

describe('the gate after one 429, under a steady load of 2 calls a second', () => {
  it('drains its backlog: ≥ 90 % of the calls sent from the horizon + 2 s are answered within 1.5 s (loopback)', async () => {
    const answer = refusesOnce();
    const server = await startTestServer((_, response) => {
      const { status, body, headers } = answer();
      send(response, status, body, headers);
    });
    close = server.close;

    const outcomes = await steadyLoad(
      createApiClient({ baseUrl: server.url }),
      (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    );

    const { late, waits, promptShare } = fromHorizon(outcomes);
    expect(late.length).toBeGreaterThanOrEqual(40);
    const shown = waits.map((wait) => (wait / 1000).toFixed(1)).join(' ');
    expect(promptShare, `waits (s) from the horizon + 2 s: ${shown}`).toBeGreaterThanOrEqual(0.9);
  }, 60_000);

  it('drains it in virtual time too: with the slowest jitter, every such call is answered within 1.5 s', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    const answer = refusesOnce();
    const fetch = async () => {
      const { status, body, headers } = answer();
      return new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json', ...headers },
      });
    };

    const outcomes = await steadyLoad(createApiClient({ fetch }), (ms) => vi.advanceTimersByTimeAsync(ms));

    const { late, waits, promptShare } = fromHorizon(outcomes);
    expect(late.length).toBeGreaterThanOrEqual(40);
    expect(promptShare, `waits (ms) from the horizon + 2 s: ${waits.join(' ')}`).toBe(1);
  });
});
