import { afterEach, describe, expect, it } from 'vitest';
import { type ApiClient, type ApiClientOptions, createApiClient } from '../../src/client/index.js';
import { ApiError } from '../../src/core/index.js';
import { send, startTestServer, tokenBucket } from '../support/test-server.js';

let servers: Awaited<ReturnType<typeof startTestServer>>[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

interface Answer {
  at: number;
  status: number;
  retryAfterSeconds?: number;
}

/** A server behind a token bucket, like the API gateway: 429 + Retry-After when it is empty. */
async function rateLimitedServer(capacity: number, perSecond: number, { sendRetryAfter = true } = {}) {
  const bucket = tokenBucket(capacity, perSecond);
  const answers: Answer[] = [];
  const server = await startTestServer((_, response) => {
    const taken = bucket.take();
    if (taken.ok) {
      answers.push({ at: Date.now(), status: 200 });
      return send(response, 200, { code: 0, data: 'ok' });
    }
    answers.push({ at: Date.now(), status: 429, retryAfterSeconds: taken.retryAfterSeconds });
    const headers: Record<string, string> = sendRetryAfter
      ? { 'Retry-After': String(taken.retryAfterSeconds) }
      : {};
    return send(response, 429, { code: 429, message: 'Too many requests' }, headers);
  });
  servers.push(server);
  return { server, answers };
}

/** What a caller's retry does (React Query's, say): on a 429, ask again — through the same gate. */
async function getWithRetries(client: ApiClient, tries = 10): Promise<unknown> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await client.getFormList();
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 429 || attempt === tries) throw error;
    }
  }
}

const maxInWindow = (times: number[], windowMs: number) =>
  Math.max(...times.map((start) => times.filter((time) => time >= start && time < start + windowMs).length));

/**
 * The client's own view of the wire: when each request left the gate, and when each 429 came
 * back. Timed at the client, so a loaded machine that delays the server's reading of a request
 * cannot make a paced release look like a burst.
 */
function timedFetch() {
  const departures: number[] = [];
  const tooManyReceived: { at: number; retryAfterMs: number }[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    departures.push(Date.now());
    const response = await globalThis.fetch(url, init);
    if (response.status === 429) {
      tooManyReceived.push({
        at: Date.now(),
        retryAfterMs: Number(response.headers.get('retry-after')) * 1000,
      });
    }
    return response;
  };
  return { fetch, departures, tooManyReceived };
}

describe('the client-wide rate-limit gate', () => {
  // Over a real network on a shared machine the server's clock and the client's drift apart, so
  // this test asserts what must hold there; the exact figures (15 × 429, none after the first
  // burst) are asserted in virtual time in test/query/rate-limit-storm.test.tsx.
  it('holds every request until the Retry-After horizon, then releases them paced', async () => {
    const { server, answers } = await rateLimitedServer(5, 5);
    const wire = timedFetch();
    const client = createApiClient({ baseUrl: server.url, fetch: wire.fetch });

    const results = await Promise.all(Array.from({ length: 20 }, () => getWithRetries(client)));

    expect(results).toEqual(Array(20).fill('ok'));
    expect(server.requests.length).toBe(answers.length);
    const firstBurst = answers.slice(0, 20).filter(({ status }) => status === 429).length;
    expect(firstBurst).toBeGreaterThanOrEqual(10);
    // Released unpaced, the retries would draw a second burst of 429s (10 of the 15); paced, few or none.
    expect(answers.slice(20).filter(({ status }) => status === 429).length).toBeLessThanOrEqual(5);

    // Nothing leaves before the horizon of a 429 the client had received.
    for (const departure of wire.departures) {
      for (const { at, retryAfterMs } of wire.tooManyReceived.filter(({ at }) => at <= departure)) {
        expect(departure).toBeGreaterThanOrEqual(at + retryAfterMs - 2);
      }
    }
    // When it opens, no burst: about the 5 the server accepted at once, then one at a time — not 15.
    expect(maxInWindow(wire.departures.slice(20), 150)).toBeLessThanOrEqual(8);
  });

  it('without Retry-After, waits its own back-off before anything leaves again', async () => {
    const { server, answers } = await rateLimitedServer(2, 2, { sendRetryAfter: false });
    const client = createApiClient({ baseUrl: server.url });

    const results = await Promise.all(Array.from({ length: 6 }, () => getWithRetries(client)));

    expect(results).toEqual(Array(6).fill('ok'));
    const first429 = Math.min(...answers.filter(({ status }) => status === 429).map(({ at }) => at));
    const retries = server.requests.slice(6).map(({ at }) => at);
    // The back-off of a first episode is 0.5–1 s.
    expect(Math.min(...retries)).toBeGreaterThanOrEqual(first429 + 495);
    // The first burst's 4 × 429, and a few more at most where a busy machine skews the clocks.
    expect(answers.filter(({ status }) => status === 429).length).toBeLessThanOrEqual(4 + 4);
  });

  it('with rateLimit.requestsPerSecond paces from the first request and draws no 429', async () => {
    // Configured a little below the server's 5/s, as the README advises: over a real network the first
    // requests (new connections) arrive later than the ones after them.
    const { server, answers } = await rateLimitedServer(5, 5);
    const wire = timedFetch();
    const client = createApiClient({
      baseUrl: server.url,
      fetch: wire.fetch,
      rateLimit: { requestsPerSecond: 4 },
    });

    await Promise.all(Array.from({ length: 10 }, () => getWithRetries(client, 1)));

    expect(answers.map(({ status }) => status)).toEqual(Array(10).fill(200));
    expect(maxInWindow(wire.departures, 200)).toBeLessThanOrEqual(4);
    // 10 requests at 4/s with a burst of 4: the last leaves 6 × 250 ms after the first.
    expect(Math.max(...wire.departures) - Math.min(...wire.departures)).toBeGreaterThanOrEqual(1490);
  });

  it('fails fast with the 429 when the wait would pass maxWaitMs, instead of freezing the client', async () => {
    const server = await startTestServer((_, response) =>
      send(response, 429, { code: 429, message: 'Too many requests' }, { 'Retry-After': '120' }),
    );
    servers.push(server);
    const client = createApiClient({ baseUrl: server.url, rateLimit: { maxWaitMs: 1000 } });

    await expect(client.getFormList()).rejects.toMatchObject({ code: 429, retryAfterMs: 120_000 });
    const started = Date.now();
    const error = (await client.getTemplate({ tpl_id: 1 }).catch((thrown: unknown) => thrown)) as ApiError;
    // It fails at once instead of waiting the 120 s (a generous bound for a busy machine).
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 429, endpoint: '/api/v2/rpc/forms/getTemplate' });
    expect(error.retryAfterMs).toBeGreaterThan(110_000);
    expect(server.requests).toHaveLength(1);
  });

  it('lets a waiting request be aborted: it fails as aborted and is never sent', async () => {
    const { server } = await rateLimitedServer(1, 1);
    const client = createApiClient({ baseUrl: server.url });
    await client.getFormList();
    await client.getFormList().catch(() => {}); // 429: the gate closes for about a second
    const controller = new AbortController();
    const waiting = client.getFormList({}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);

    await expect(waiting).rejects.toMatchObject({ kind: 'aborted' });
    expect(server.requests).toHaveLength(2);
  });

  it('is per client: another client is not held back', async () => {
    const { server } = await rateLimitedServer(1, 0.5);
    const options: ApiClientOptions = { baseUrl: server.url };
    const first = createApiClient(options);
    await first.getFormList();
    await expect(first.getFormList()).rejects.toMatchObject({ code: 429 });
    const started = Date.now();
    await expect(createApiClient(options).getFormList()).rejects.toMatchObject({ code: 429 });
    // Held back, it would wait the 2 s of Retry-After; a round trip takes far less, even on a busy machine.
    expect(Date.now() - started).toBeLessThan(1500);
  });
});
