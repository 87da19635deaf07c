import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ApiClient, type ApiClientOptions, createApiClient } from '../../src/client/index.js';
import { createRateLimitGate, type GatePass, type RateLimitGate } from '../../src/client/rate-limit-gate.js';
import { ApiError, apiRetryDelay, getRetryAt } from '../../src/core/index.js';
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
    // A storm to pace: 15 × 429 on a calm machine. On a busy one the server reads the burst over a
    // second or more, its bucket refills meanwhile, and it takes more of it.
    const firstBurst = answers.slice(0, 20).filter(({ status }) => status === 429).length;
    expect(firstBurst).toBeGreaterThanOrEqual(5);
    // Released unpaced, the retries would draw a second burst of 429s (10 of the 15); paced, few or none.
    expect(answers.slice(20).filter(({ status }) => status === 429).length).toBeLessThanOrEqual(5);

    // Nothing leaves before the horizon of a 429 the client had received.
    for (const departure of wire.departures) {
      for (const { at, retryAfterMs } of wire.tooManyReceived.filter(({ at }) => at <= departure)) {
        expect(departure).toBeGreaterThanOrEqual(at + retryAfterMs - 2);
      }
    }
    // When it opens, no burst: as many as the server took of the first burst (5 on a calm machine),
    // one more at most for a late timer, then one at a time — not all 15 retries.
    expect(maxInWindow(wire.departures.slice(20), 150)).toBeLessThanOrEqual(20 - firstBurst + 1);
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

  it('fails fast, with the honest wait, when a request would wait longer than maxWaitMs', async () => {
    const { server } = await rateLimitedServer(5, 5);
    const client = createApiClient({
      baseUrl: server.url,
      rateLimit: { requestsPerSecond: 1, maxWaitMs: 2500 },
    });

    const started = Date.now();
    const outcomes = await Promise.allSettled([1, 2, 3, 4].map((tpl_id) => client.getTemplate({ tpl_id })));

    // At 1/s the first leaves at once, the next two within 2.5 s; the fourth would wait 3 s.
    expect(outcomes.map(({ status }) => status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
    const error = (outcomes[3] as PromiseRejectedResult).reason as ApiError;
    expect(error).toMatchObject({ code: 429, endpoint: '/api/v2/rpc/forms/getTemplate' });
    expect(error.retryAfterMs).toBeGreaterThan(2500);
    expect(getRetryAt(error)).toBeGreaterThanOrEqual(started + 2500);
    expect(server.requests).toHaveLength(3);
  });

  it('lets one probe through after maxWaitMs when the server asks for a longer pause', async () => {
    let open = false;
    const server = await startTestServer((_, response) =>
      open
        ? send(response, 200, { code: 0, data: 'ok' })
        : send(response, 429, { code: 429, message: 'Too many requests' }, { 'Retry-After': '99999999' }),
    );
    servers.push(server);
    const client = createApiClient({ baseUrl: server.url, rateLimit: { maxWaitMs: 1000 } });

    const first = (await client.getFormList().catch((thrown: unknown) => thrown)) as ApiError;
    // The server's 24 h (the most Retry-After is read as) stays on the error; the moment the
    // client will try again, which the countdown shows, is maxWaitMs away.
    expect(first.retryAfterMs).toBe(24 * 3600 * 1000);
    expect((getRetryAt(first) ?? 0) - Date.now()).toBeLessThanOrEqual(1000);

    // A refused probe extends the pause: of two waiting requests only the probe reached the server.
    const refused = await Promise.allSettled([client.getFormList(), client.getFormList()]);
    expect(refused.map(({ status }) => status)).toEqual(['rejected', 'rejected']);
    expect(server.requests).toHaveLength(2);

    open = true;
    const started = Date.now();
    await expect(client.getFormList()).resolves.toBe('ok');
    // The probe left after about maxWaitMs, not 24 h; once it was taken, the client is open again.
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    await expect(Promise.all([client.getFormList(), client.getFormList()])).resolves.toEqual(['ok', 'ok']);
    expect(server.requests).toHaveLength(5);
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

describe('the gate in virtual time', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  const tooMany = (retryAfterMs?: number) =>
    new ApiError({ kind: 'api', code: 429, status: 429, retryAfterMs });

  /** When the next request may leave, in ms from now. */
  /** The pass of the request `nextDeparture` let out last. */
  let pass: GatePass = { probe: false };
  async function nextDeparture(gate: RateLimitGate): Promise<number> {
    const started = Date.now();
    let left = false;
    gate.acquire().then((given) => {
      pass = given;
      left = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    while (!left) await vi.advanceTimersByTimeAsync(1);
    return Date.now() - started;
  }

  it('pushes each horizon back by a share of the wait, once per episode, and says so on the error', async () => {
    const gate = createRateLimitGate();
    const error = tooMany(1000);
    gate.limited(error);
    // Math.random() = 0.5: 1000 ms + 0.5 × 20 % of it.
    expect(getRetryAt(error)).toBe(Date.now() + 1100);
    expect(await nextDeparture(gate)).toBe(1100);
  });

  it('jitters once per episode: a later 429 of the same episode keeps the first one’s jitter', async () => {
    const gate = createRateLimitGate();
    vi.mocked(Math.random).mockReturnValue(0);
    gate.limited(tooMany(1000));
    await vi.advanceTimersByTimeAsync(50);
    // Another answer of the same burst: a new draw would push the horizon to the top of its range.
    vi.mocked(Math.random).mockReturnValue(0.999);
    const later = tooMany(1000);
    gate.limited(later);
    expect(getRetryAt(later)).toBe(Date.now() + 1000);
    expect(await nextDeparture(gate)).toBe(1000);
  });

  it('starts its own back-off over after an accepted answer', async () => {
    const gate = createRateLimitGate();
    gate.limited(tooMany());
    // First episode without Retry-After: 0.5–1 s (0.75 s here) plus its jitter.
    expect(await nextDeparture(gate)).toBe(825);
    gate.accepted(pass);
    gate.limited(tooMany());
    expect(await nextDeparture(gate)).toBe(825);
    // Without an accepted answer in between, the next episode doubles it.
    gate.limited(tooMany());
    expect(await nextDeparture(gate)).toBe(1650);
  });

  it('counts any answer but a 429 as accepted, so an error answer starts the back-off over too', async () => {
    let status = 429;
    const fetch = async () =>
      new Response(JSON.stringify({ code: status, message: 'refused' }), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    const client = createApiClient({ fetch });
    /** The error, and how long after it came back its retry is due. */
    const call = async () => {
      let error: ApiError | undefined;
      let dueInMs: number | undefined;
      const done = client.getFormList().catch((thrown: unknown) => {
        error = thrown as ApiError;
        dueInMs = (getRetryAt(error) ?? Number.NaN) - Date.now();
      });
      while (!error) await vi.advanceTimersByTimeAsync(1);
      await done;
      return { error: error as ApiError, dueInMs };
    };

    expect((await call()).dueInMs).toBe(825);
    await vi.advanceTimersByTimeAsync(1000);
    status = 400;
    expect((await call()).error).toMatchObject({ code: 400 });
    status = 429;
    // A second episode in a row would be twice as long (1650 ms).
    expect((await call()).dueInMs).toBe(825);
  });

  it('is the one clock: React Query’s retry delay aims for the moment the gate opens, jittered once', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    const fetch = async () =>
      new Response('{"code":429,"message":"Too many requests"}', {
        status: 429,
        headers: { 'Retry-After': '20' },
      });
    const error = (await createApiClient({ fetch })
      .getFormList()
      .catch((thrown: unknown) => thrown)) as ApiError;

    // 20 s + 0.999 × 20 % of it, once: by the gate, not again by the retry policy (which would
    // choose its own 20 s + at most 2 s).
    expect(getRetryAt(error)).toBe(Date.now() + 23_996);
    expect(apiRetryDelay(1, error)).toBe(23_996);
  });

  it('lets the next request probe when a probe got no answer', async () => {
    const gate = createRateLimitGate({ maxWaitMs: 1000 });
    gate.limited(tooMany(3_600_000));
    expect(await nextDeparture(gate)).toBe(1000);
    expect(pass.probe).toBe(true);
    gate.unanswered(pass);
    expect(await nextDeparture(gate)).toBe(0);
  });

  it('ends a long hold only on its probe’s answer, not on one of a request sent before it', async () => {
    const gate = createRateLimitGate({ maxWaitMs: 1000 });
    gate.limited(tooMany(3_600_000));
    expect(await nextDeparture(gate)).toBe(1000);
    const probe = pass;
    gate.accepted({ probe: false }); // a request that left before the 429 comes back late
    gate.unanswered({ probe: false });
    let left = false;
    gate.acquire().then(() => {
      left = true;
    });
    await vi.advanceTimersByTimeAsync(500);
    expect(left).toBe(false);
    gate.accepted(probe);
    // Open again: the waiting request leaves at the learned pace (its jitter is 125 ms here).
    await vi.advanceTimersByTimeAsync(125);
    expect(left).toBe(true);
  });

  it('lets no new request pass those already waiting', async () => {
    const gate = createRateLimitGate({ requestsPerSecond: 1 });
    await gate.acquire(); // the one request the budget holds
    const order: string[] = [];
    gate.acquire().then(() => order.push('waiting'));
    // The budget is back at 1000 ms, the waiting request leaves at 1125 (the pace's jitter):
    // in between, a new request finds the budget but must queue behind it.
    await vi.advanceTimersByTimeAsync(1050);
    gate.acquire().then(() => order.push('new'));
    await vi.advanceTimersByTimeAsync(3000);
    expect(order).toEqual(['waiting', 'new']);
  });

  it('keeps a configured pace below one a second after a 429', async () => {
    const gate = createRateLimitGate({ requestsPerSecond: 0.5 });
    gate.limited(tooMany(1000));
    await nextDeparture(gate);
    // 0.5 a second: 2 s apart, plus at most a quarter of that as jitter (Math.random() = 0.5).
    expect(await nextDeparture(gate)).toBe(2250);
  });

  it('grows a learned pace back as answers are accepted', async () => {
    const gate = createRateLimitGate();
    gate.limited(tooMany(1000)); // measured nothing: one request a second from the horizon
    await vi.advanceTimersByTimeAsync(1100);
    const intervals: number[] = [];
    for (let index = 0; index < 6; index += 1) {
      intervals.push(await nextDeparture(gate));
      gate.accepted(pass);
    }
    // Each accepted answer shortens the next interval; the pace's jitter is fixed here.
    for (let index = 2; index < intervals.length; index += 1) {
      expect(intervals[index]).toBeLessThan(intervals[index - 1] as number);
    }
  });

  /** Queues `count` requests at once, reports each as accepted as it leaves; the departure times. */
  async function drain(gate: RateLimitGate, count: number): Promise<number[]> {
    const times: number[] = [];
    for (let index = 0; index < count; index += 1) {
      gate.acquire().then((given) => {
        times.push(Date.now());
        gate.accepted(given);
      });
    }
    while (times.length < count) await vi.advanceTimersByTimeAsync(1);
    return times;
  }
  const intervals = (times: number[]) => times.slice(1).map((time, index) => time - (times[index] as number));

  it('grows from a floor that measured nothing fast (slow start), and additively once a 429 has measured the server', async () => {
    const gate = createRateLimitGate();
    const limitedAt = Date.now();
    gate.limited(tooMany(1000)); // measured nothing: one request a second from the horizon (1100 ms)
    const fromFloor = await drain(gate, 12);
    // Each accepted answer adds one request a second: 12 leave within 2.5 s of the horizon, where
    // growing by half a request a second per second from one a second takes 5 s.
    expect((fromFloor.at(-1) as number) - limitedAt - 1100).toBeLessThan(2500);

    gate.limited(tooMany(1000)); // a new episode: it measures what the server took in its window
    const paced = intervals(await drain(gate, 40)).filter((interval) => interval > 0);
    // From there the pace grows by about half a request a second per second: 30 answers later the
    // interval is still more than half what it was (slow start would have cut it to a quarter).
    expect(paced.at(-1)).toBeGreaterThan(0.5 * (paced[0] as number));
  });
});
