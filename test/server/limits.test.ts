import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { aroundLimiterCalls, guardStore } from '../../src/server/guarded-store.js';
import { createLimits } from '../../src/server/limits.js';
import type { ProxyLimits } from '../../src/server/limits-contract.js';
import { createMemoryStore } from '../../src/server/memory-store.js';
import type { ProxyStore } from '../../src/server/proxy-store.js';

// Virtual time: rate-limiter-flexible's memory limiter reads Date.now, which fake timers move.
const START = Date.UTC(2026, 10, 27, 12, 0, 0);
beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});
afterEach(() => {
  vi.useRealTimers();
});

const limitsOf = (options: ProxyLimits) => createLimits(options, createMemoryStore());
const visitor = (headers: Record<string, string> = {}) =>
  new Request('https://proxy.test/caoliao/api/v2/rpc/form/getTemplate', { method: 'POST', headers });
const tooManyRequests = (retryAfter: string, detail: string) =>
  expect.objectContaining({
    status: 429,
    retryAfter,
    body: expect.objectContaining({ code: 429, message_detail: detail }),
  });

async function answerOf(response: Response | undefined) {
  if (!response) return undefined;
  return {
    status: response.status,
    retryAfter: response.headers.get('Retry-After'),
    body: await response.json(),
  };
}

/** Starts calls and notes when (ms since START) each one was let through or refused. */
function track(calls: Promise<Response | undefined>[]) {
  const settled: { at: number; status: number | undefined }[] = [];
  for (const call of calls) {
    call.then((response) => settled.push({ at: Date.now() - START, status: response?.status }));
  }
  return settled;
}

const perSecond = (times: number[]) =>
  times.reduce<Record<number, number>>((counts, at) => {
    const second = Math.floor(at / 1000);
    counts[second] = (counts[second] ?? 0) + 1;
    return counts;
  }, {});

describe('the per-visitor limit', () => {
  it('answers a local 429 with the exact Retry-After once a visitor is over it', async () => {
    const limits = limitsOf({ perVisitor: { points: 2, duration: 60 }, trustProxy: 1 });
    const alice = { 'X-Forwarded-For': '203.0.113.7' };
    expect(await limits.admitVisitor(visitor(alice))).toBeUndefined();
    await vi.advanceTimersByTimeAsync(20_700);
    expect(await limits.admitVisitor(visitor(alice))).toBeUndefined();
    expect(await answerOf(await limits.admitVisitor(visitor(alice)))).toEqual(
      tooManyRequests('40', 'visitor limit'),
    );
    // Another visitor has their own count; Alice's comes back when her minute is over.
    expect(await limits.admitVisitor(visitor({ 'X-Forwarded-For': '198.51.100.1' }))).toBeUndefined();
    await vi.advanceTimersByTimeAsync(39_300);
    expect(await limits.admitVisitor(visitor(alice))).toBeUndefined();
  });

  it('is 30 calls a minute by default', async () => {
    const limits = limitsOf({ visitorKey: () => 'alice' });
    for (let call = 0; call < 30; call++) expect(await limits.admitVisitor(visitor())).toBeUndefined();
    expect(await answerOf(await limits.admitVisitor(visitor()))).toEqual(
      tooManyRequests('60', 'visitor limit'),
    );
  });

  it('trusts no forwarding header by default: rotating X-Forwarded-For or X-Real-IP does not multiply the limit', async () => {
    const limits = limitsOf({ perVisitor: { points: 1, duration: 60 } });
    let admitted = 0;
    for (let call = 0; call < 30; call++) {
      const headers = { 'X-Forwarded-For': `198.51.100.${call}`, 'X-Real-IP': `203.0.113.${call}` };
      if (!(await limits.admitVisitor(visitor(headers)))) admitted += 1;
    }
    // Nothing tells these calls apart: together they get ten visitors' points, not one each.
    expect(admitted).toBe(10);
    expect(await answerOf(await limits.admitVisitor(visitor()))).toEqual(
      tooManyRequests('60', 'unidentified visitors limit'),
    );
  });

  it('counts the calls nothing identifies apart from the visitors it knows', async () => {
    const limits = limitsOf({
      perVisitor: { points: 2, duration: 60 },
      visitorKey: (request) => request.headers.get('X-User') ?? undefined,
    });
    for (let call = 0; call < 20; call++) expect(await limits.admitVisitor(visitor())).toBeUndefined();
    expect((await limits.admitVisitor(visitor()))?.status).toBe(429);
    // The anonymous calls used up their own count, not a signed-in visitor's.
    expect(await limits.admitVisitor(visitor({ 'X-User': 'a' }))).toBeUndefined();
  });

  it('reads the address trustProxy proxies from the end of X-Forwarded-For, or the header it names', async () => {
    // One proxy of the host's: the last address is what it saw; the ones before it are the visitor's to write.
    const oneHop = limitsOf({ perVisitor: { points: 1, duration: 60 }, trustProxy: 1 });
    expect(await oneHop.admitVisitor(visitor({ 'X-Forwarded-For': '1.1.1.1, 10.0.0.9' }))).toBeUndefined();
    expect((await oneHop.admitVisitor(visitor({ 'X-Forwarded-For': '2.2.2.2,10.0.0.9 ' })))?.status).toBe(
      429,
    );
    expect(await oneHop.admitVisitor(visitor({ 'X-Forwarded-For': '10.0.0.8' }))).toBeUndefined();
    // A CDN, then a load balancer: the visitor is the second address from the end.
    const twoHops = limitsOf({ perVisitor: { points: 1, duration: 60 }, trustProxy: 2 });
    expect(
      await twoHops.admitVisitor(visitor({ 'X-Forwarded-For': '6.6.6.6, 203.0.113.7, 10.0.0.1' })),
    ).toBeUndefined();
    expect(
      (await twoHops.admitVisitor(visitor({ 'X-Forwarded-For': '203.0.113.7, 10.0.0.2' })))?.status,
    ).toBe(429);
    expect(
      await twoHops.admitVisitor(visitor({ 'X-Forwarded-For': '7.7.7.7, 198.51.100.1, 10.0.0.1' })),
    ).toBeUndefined();
    // The header the platform sets; X-Forwarded-For is then the visitor's to write, and ignored.
    const cloudflare = limitsOf({ perVisitor: { points: 1, duration: 60 }, trustProxy: 'cf-connecting-ip' });
    const from = (address: string, forwarded: string) => ({
      'CF-Connecting-IP': address,
      'X-Forwarded-For': forwarded,
    });
    expect(await cloudflare.admitVisitor(visitor(from('203.0.113.7', '1.1.1.1')))).toBeUndefined();
    expect((await cloudflare.admitVisitor(visitor(from('203.0.113.7', '2.2.2.2'))))?.status).toBe(429);
    expect(await cloudflare.admitVisitor(visitor(from('198.51.100.1', '2.2.2.2')))).toBeUndefined();
  });

  it('counts a call whose trusted header is missing or too short with the unidentified ones', async () => {
    const limits = limitsOf({ perVisitor: { points: 1, duration: 60 }, trustProxy: 2 });
    let admitted = 0;
    for (let call = 0; call < 15; call++) {
      // One address where two proxies should have written two: written by the visitor.
      const headers: Record<string, string> = call % 2 ? { 'X-Forwarded-For': `198.51.100.${call}` } : {};
      if (!(await limits.admitVisitor(visitor(headers)))) admitted += 1;
    }
    expect(admitted).toBe(10);
  });

  it('uses the host’s visitorKey, and is off with perVisitor: false', async () => {
    const keyed = limitsOf({
      perVisitor: { points: 1, duration: 60 },
      visitorKey: (request) => request.headers.get('X-User') ?? undefined,
    });
    expect(await keyed.admitVisitor(visitor({ 'X-User': 'a', 'X-Real-IP': '10.0.0.1' }))).toBeUndefined();
    expect(await keyed.admitVisitor(visitor({ 'X-User': 'b', 'X-Real-IP': '10.0.0.1' }))).toBeUndefined();
    expect((await keyed.admitVisitor(visitor({ 'X-User': 'a' })))?.status).toBe(429);

    const open = limitsOf({ perVisitor: false });
    for (let call = 0; call < 100; call++) expect(await open.admitVisitor(visitor())).toBeUndefined();
  });
});

describe('the organisation budget', () => {
  it('paces calls to requestsPerSecond, one per slot of the clock, never more in a second', async () => {
    const limits = limitsOf({ requestsPerSecond: 2 });
    await vi.advanceTimersByTimeAsync(700);
    const settled = track(Array.from({ length: 7 }, () => limits.awaitUpstream()));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(settled.map((call) => call.status)).toEqual(Array(7).fill(undefined));
    // Evenly spread, each as its slot of 500 ms begins: never a second's budget in one burst.
    const times = settled.map((call) => call.at);
    expect(times).toEqual([700, 1000, 1500, 2000, 2500, 3000, 3500]);
    expect(Math.max(...Object.values(perSecond(times)))).toBe(2);
  });

  it('spreads a fractional rate over slots of 1/rate seconds', async () => {
    const half = limitsOf({ requestsPerSecond: 0.5 });
    const slow = track(Array.from({ length: 3 }, () => half.awaitUpstream()));
    const twoAndAHalf = limitsOf({ requestsPerSecond: 2.5 });
    const fast = track(Array.from({ length: 5 }, () => twoAndAHalf.awaitUpstream()));
    await vi.advanceTimersByTimeAsync(5_000);
    // Slots of the wall clock: the first call goes at once, the next as the following slot begins.
    const gaps = (times: number[]) => times.slice(1).map((at, index) => at - (times[index] as number));
    expect(gaps(slow.map((call) => call.at)).slice(1)).toEqual([2000]);
    expect(gaps(fast.map((call) => call.at)).slice(1)).toEqual([400, 400, 400]);
  });

  it('lets no call go in the last quarter of its slot: a pause before it leaves could carry it into the next', async () => {
    const limits = limitsOf({ requestsPerSecond: 2 });
    await vi.advanceTimersByTimeAsync(400);
    const settled = track([limits.awaitUpstream()]);
    await vi.advanceTimersByTimeAsync(100);
    const late = track([limits.awaitUpstream()]);
    await vi.advanceTimersByTimeAsync(2_000);
    // 400 ms into a slot of 500, 100 ms are left: the call waits for the next slot. So does the
    // one asking later, for the slot after it.
    expect([...settled, ...late].map((call) => call.at)).toEqual([500, 1000]);
  });

  it('answers a local 429 at once when the budget is further away than maxWaitMs', async () => {
    const limits = limitsOf({ requestsPerSecond: 1, maxWaitMs: 500 });
    await vi.advanceTimersByTimeAsync(200);
    expect(await limits.awaitUpstream()).toBeUndefined();
    const settled = track([limits.awaitUpstream()]);
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toEqual([{ at: 200, status: 429 }]);
    expect(await answerOf(await limits.awaitUpstream())).toEqual(tooManyRequests('1', 'organisation budget'));
  });
});

describe('the hold learned from upstream 429s', () => {
  const upstream429 = (headers: Record<string, string> = {}) =>
    new Response('{"code":429}', { status: 429, headers });

  it('holds calls until the upstream’s Retry-After, and no longer', async () => {
    const limits = limitsOf({ requestsPerSecond: 10 });
    await limits.learn(upstream429({ 'Retry-After': '3' }));
    const settled = track([limits.awaitUpstream(), limits.awaitUpstream()]);
    await vi.advanceTimersByTimeAsync(2_999);
    expect(settled).toEqual([]);
    await vi.advanceTimersByTimeAsync(101);
    // The second goes as the budget's next slot of 100 ms begins.
    expect(settled).toEqual([
      { at: 3000, status: undefined },
      { at: 3100, status: undefined },
    ]);
  });

  it('learns a budget from what upstream took before its 429, shared by the calls that wait', async () => {
    const limits = limitsOf({});
    const ok = new Response('{"code":0}', { status: 200 });
    for (let call = 0; call < 5; call++) await limits.learn(ok);
    await limits.learn(upstream429({ 'Retry-After': '1' }));
    const settled = track(Array.from({ length: 5 }, () => limits.awaitUpstream()));
    await vi.advanceTimersByTimeAsync(3_000);
    // 5 taken within 100 ms show a rate of at least 5 / 1.1 s; three quarters of that, 3.41 a
    // second: one call per slot of 293 ms after the hold, not five at once.
    expect(settled.map((call) => call.at)).toEqual([1000, 1174, 1467, 1760, 2053]);
  });

  it('does not count what upstream took during the hold: the burst’s tail would teach too high a rate', async () => {
    const limits = limitsOf({});
    const ok = new Response('{"code":0}', { status: 200 });
    for (let call = 0; call < 5; call++) await limits.learn(ok);
    await limits.learn(upstream429({ 'Retry-After': '1' }));
    // Calls already on their way when the 429 came: upstream took 3 more from what it refilled,
    // then refused the next, all in the same second and the same episode.
    await vi.advanceTimersByTimeAsync(300);
    for (let call = 0; call < 3; call++) await limits.learn(ok);
    await limits.learn(upstream429({ 'Retry-After': '1' }));
    await vi.advanceTimersByTimeAsync(1_000);
    const settled = track(Array.from({ length: 3 }, () => limits.awaitUpstream()));
    await vi.advanceTimersByTimeAsync(3_000);
    // Still learned from the 5 taken before the 429 (one per 293 ms), not from 8 (one per 183 ms).
    expect((settled[2]?.at ?? 0) - (settled[1]?.at ?? 0)).toBe(293);
  });

  it('lowers a learned budget once per new episode of 429s, not at each 429 of one burst', async () => {
    const limits = limitsOf({});
    for (let call = 0; call < 4; call++) await limits.learn(new Response('{"code":0}', { status: 200 }));
    // One burst's 429s: 2.73 a second learned (three quarters of 4 / 1.1 s), kept by the rest of
    // the burst.
    for (let call = 0; call < 3; call++) await limits.learn(upstream429({ 'Retry-After': '1' }));
    await vi.advanceTimersByTimeAsync(1_000);
    // The slots are the clock's: the first call may go late in one, the next two at slot starts.
    const spacing = async () => {
      const settled = track([limits.awaitUpstream(), limits.awaitUpstream(), limits.awaitUpstream()]);
      await vi.advanceTimersByTimeAsync(3_000);
      return (settled[2]?.at ?? 0) - (settled[1]?.at ?? 0);
    };
    expect(await spacing()).toBe(367);
    // A 429 after the hold is a new episode: three quarters of that, 2.05 a second.
    await limits.learn(upstream429({ 'Retry-After': '1' }));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await spacing()).toBe(488);
  });

  it('learns no more than the upstream’s rate when the burst before the 429 spread over a second', async () => {
    // A slow machine sends the first burst over a second: a bucket of 5, refilled 5 a second,
    // takes its 5, then one every 200 ms, and refuses the next at 1 s. Counted per second, that
    // is 10 in one second: 7.5 a second learned, above the upstream's 5, and late 429s to follow.
    const limits = limitsOf({});
    const ok = new Response('{"code":0}', { status: 200 });
    for (let call = 0; call < 5; call++) await limits.learn(ok);
    for (let call = 0; call < 5; call++) {
      await vi.advanceTimersByTimeAsync(190);
      await limits.learn(ok);
    }
    await vi.advanceTimersByTimeAsync(50);
    await limits.learn(upstream429({ 'Retry-After': '1' }));
    await vi.advanceTimersByTimeAsync(1_000);
    const settled = track(Array.from({ length: 4 }, () => limits.awaitUpstream()));
    await vi.advanceTimersByTimeAsync(3_000);
    // 10 taken in 1.1 s show at least 10 / 2.1 s = 4.76 a second: three quarters of it, 3.57
    // (one call per 280 ms).
    expect((settled[3]?.at ?? 0) - (settled[2]?.at ?? 0)).toBe(280);
  });

  it('counts each answer when its call left: answers a busy machine bunched teach no rate above the upstream’s', async () => {
    // A bucket of 5, refilled 5 a second, took 5 calls at 0 s and one every 200 ms after: 15 in
    // 2 s. A loaded machine read all their answers, and the 429 after them, at once at 2 s.
    // Counted when answered, that is 15 in one tick: 10.2 a second learned, and late 429s.
    const limits = limitsOf({});
    const ok = new Response('{"code":0}', { status: 200 });
    await vi.advanceTimersByTimeAsync(2_000);
    const sent = [0, 0, 0, 0, 0, ...Array.from({ length: 10 }, (_, call) => 200 * (call + 1))];
    for (const sentAt of sent) await limits.learn(ok, START + sentAt);
    await limits.learn(upstream429({ 'Retry-After': '1' }), START + 2_000);
    await vi.advanceTimersByTimeAsync(1_000);
    const settled = track(Array.from({ length: 4 }, () => limits.awaitUpstream()));
    await vi.advanceTimersByTimeAsync(3_000);
    // The 15 that left from 0 s to the 429 at 2 s show 15 / 3.1 s = 4.84 a second: three quarters
    // of it, 3.63 (one call per 275 ms).
    expect((settled[3]?.at ?? 0) - (settled[2]?.at ?? 0)).toBe(275);
  });

  it('learns from an upstream seconds slow to answer: what it took still shows once answered', async () => {
    // The same bucket takes 5 calls at 0 s and one every 200 ms to 2 s, each answered 2.5 s
    // after it left; the 429 for the call sent at 2.2 s comes back at 4.7 s. Counted over only
    // the 2 s before the 429, nothing shows, and the budget falls to 1 a second.
    const limits = limitsOf({});
    const ok = new Response('{"code":0}', { status: 200 });
    await vi.advanceTimersByTimeAsync(4_700);
    const sent = [0, 0, 0, 0, 0, ...Array.from({ length: 10 }, (_, call) => 200 * (call + 1))];
    for (const sentAt of sent) await limits.learn(ok, START + sentAt);
    await limits.learn(upstream429({ 'Retry-After': '1' }), START + 2_200);
    await vi.advanceTimersByTimeAsync(1_000);
    const settled = track(Array.from({ length: 4 }, () => limits.awaitUpstream()));
    await vi.advanceTimersByTimeAsync(5_000);
    // 15 taken between 0 s and the 429 at 4.7 s show at least 15 / 5.8 s = 2.59 a second: three
    // quarters of it, 1.94 (one call per 515 ms).
    expect((settled[3]?.at ?? 0) - (settled[2]?.at ?? 0)).toBe(515);
  });

  it('lowers no budget for a late 429 of a call that left before the budget was learned', async () => {
    // The first burst's last 429 comes back after its hold has ended (a slow upstream, a busy
    // machine): the learned budget paced no such call, so it is no reason to lower it.
    const limits = limitsOf({});
    const ok = new Response('{"code":0}', { status: 200 });
    for (let call = 0; call < 5; call++) await limits.learn(ok, START);
    await limits.learn(upstream429({ 'Retry-After': '1' }), START);
    await vi.advanceTimersByTimeAsync(1_500);
    await limits.learn(upstream429({ 'Retry-After': '1' }), START);
    await vi.advanceTimersByTimeAsync(1_000);
    const settled = track(Array.from({ length: 3 }, () => limits.awaitUpstream()));
    await vi.advanceTimersByTimeAsync(3_000);
    // Still 3.41 a second (one per 293 ms), not three quarters of it (one per 391 ms).
    expect((settled[2]?.at ?? 0) - (settled[1]?.at ?? 0)).toBe(293);
  });

  it('has the learned budget, from every answer before the 429, in the store before the hold ends, however slowly the store answers', async () => {
    // Each store call takes 300 ms, as on a loaded machine: were the reads behind the budget made
    // one after the other, the hold would end before the budget was written, and the calls that
    // waited would all leave at once.
    const slow = { on: false };
    const memory = createMemoryStore();
    const later = <T>(call: () => Promise<T>) =>
      slow.on ? new Promise((resolve) => setTimeout(resolve, 300)).then(call) : call();
    const store: ProxyStore = {
      ...memory,
      limiter: (options) => aroundLimiterCalls(memory.limiter(options), (_, call) => later(call)),
      holdUntil: () => later(() => memory.holdUntil()),
      hold: (until) => later(() => memory.hold(until)),
    };
    const limits = createLimits({}, store);
    slow.on = true;
    // Upstream took 5, then refused the next: the 5 answers came just before the 429, and are
    // still being counted when the 429 is learned.
    for (let call = 0; call < 5; call++) void limits.learn(new Response('{"code":0}', { status: 200 }));
    void limits.learn(upstream429({ 'Retry-After': '1' }));
    await vi.advanceTimersByTimeAsync(700);
    const settled = track(Array.from({ length: 3 }, () => limits.awaitUpstream()));
    await vi.advanceTimersByTimeAsync(5_000);
    // One per slot of the learned 3.41 a second (293 ms), each asking for the slot current when
    // the store will have answered.
    expect(settled.map((call) => call.at)).toEqual([1900, 2653, 3533]);
  });

  it('lowers no budget for a 429 of the same burst learned while the first one’s hold is still being written', async () => {
    // Writing the hold takes 500 ms: a second 429 of the burst, learned 100 ms after the first,
    // finds the budget the first wrote but not yet its hold. That is no new episode.
    const memory = createMemoryStore();
    const store: ProxyStore = {
      ...memory,
      hold: (until) => new Promise((resolve) => setTimeout(resolve, 500)).then(() => memory.hold(until)),
    };
    const limits = createLimits({}, store);
    for (let call = 0; call < 5; call++) await limits.learn(new Response('{"code":0}', { status: 200 }));
    void limits.learn(upstream429({ 'Retry-After': '1' }));
    await vi.advanceTimersByTimeAsync(100);
    void limits.learn(upstream429({ 'Retry-After': '1' }));
    await vi.advanceTimersByTimeAsync(1_500);
    const settled = track(Array.from({ length: 3 }, () => limits.awaitUpstream()));
    await vi.advanceTimersByTimeAsync(3_000);
    // Still 3.41 a second (one per 293 ms), not a quarter less (one per 391 ms).
    expect((settled[2]?.at ?? 0) - (settled[1]?.at ?? 0)).toBe(293);
  });

  it('answers a local 429 with the time left when the hold outlasts maxWaitMs', async () => {
    const limits = limitsOf({});
    await limits.learn(upstream429({ 'Retry-After': '30' }));
    await vi.advanceTimersByTimeAsync(4_700);
    const settled = track([limits.awaitUpstream()]);
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toEqual([{ at: 4700, status: 429 }]);
    expect(await answerOf(await limits.awaitUpstream())).toEqual(
      tooManyRequests('26', 'upstream asked to wait'),
    );
  });

  it('holds 1 s for a 429 without a Retry-After, and not at all for other answers', async () => {
    const limits = limitsOf({ maxWaitMs: 0 });
    await limits.learn(new Response('', { status: 503, headers: { 'Retry-After': '30' } }));
    expect(await limits.awaitUpstream()).toBeUndefined();
    await limits.learn(upstream429());
    expect((await limits.awaitUpstream())?.headers.get('Retry-After')).toBe('1');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await limits.awaitUpstream()).toBeUndefined();
  });

  it('stops waiting when the call is aborted', async () => {
    const limits = limitsOf({});
    await limits.learn(upstream429({ 'Retry-After': '5' }));
    const abort = new AbortController();
    const settled = track([limits.awaitUpstream(abort.signal)]);
    await vi.advanceTimersByTimeAsync(1_000);
    abort.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toEqual([{ at: 1000, status: 429 }]);
  });
});

describe('while the store is unavailable', () => {
  /** A shared store that fails every call while `outage.down`, behind the proxy's deadline guard. */
  function storeWithOutage() {
    const outage = { down: false };
    const memory = createMemoryStore();
    const through = <T>(call: () => Promise<T>) =>
      outage.down ? Promise.reject(new Error('Redis is down')) : call();
    const store: ProxyStore = {
      ...memory,
      limiter: (options) => aroundLimiterCalls(memory.limiter(options), (_, call) => through(call)),
      holdUntil: () => through(() => memory.holdUntil()),
      hold: (until) => through(() => memory.hold(until)),
    };
    return { outage, store: guardStore(store, { timeoutMs: 300, retryAfterSeconds: 5 }) };
  }

  it('keeps each visitor’s limit on this instance, with its share of the points', async () => {
    const { outage, store } = storeWithOutage();
    const limits = createLimits(
      { perVisitor: { points: 4, duration: 60 }, visitorKey: () => 'alice' },
      store,
      {
        instances: 2,
      },
    );
    outage.down = true;
    expect(await limits.admitVisitor(visitor())).toBeUndefined();
    expect(await limits.admitVisitor(visitor())).toBeUndefined();
    expect(await answerOf(await limits.admitVisitor(visitor()))).toEqual(
      tooManyRequests('60', 'visitor limit'),
    );
  });

  it('paces calls at this instance’s share of the budget, then at the shared one as soon as the store is back', async () => {
    const { outage, store } = storeWithOutage();
    const limits = createLimits({ requestsPerSecond: 4 }, store, { instances: 2 });
    outage.down = true;
    const settled = track(Array.from({ length: 4 }, () => limits.awaitUpstream()));
    await vi.advanceTimersByTimeAsync(300);
    outage.down = false;
    await vi.advanceTimersByTimeAsync(3_000);
    // Alone, 2 a second (one per 500 ms); back on the store, the calls that waited take its slots
    // of 250 ms one by one, never together.
    expect(settled).toEqual([0, 500, 750, 1000].map((at) => ({ at, status: undefined })));
  });

  it('holds this instance back after an upstream 429 learned while the store is down', async () => {
    const { outage, store } = storeWithOutage();
    const limits = createLimits({ maxWaitMs: 0 }, store);
    outage.down = true;
    await limits.learn(new Response('{"code":429}', { status: 429, headers: { 'Retry-After': '3' } }));
    expect(await answerOf(await limits.awaitUpstream())).toEqual(
      tooManyRequests('3', 'upstream asked to wait'),
    );
  });
});

describe('bad options', () => {
  it.each<[string, unknown]>([
    ['perVisitor', { points: 0, duration: 60 }],
    ['perVisitor', { points: 1.5, duration: 60 }],
    ['perVisitor', { points: 10, duration: 0.5 }],
    ['perVisitor', { points: 10 }],
    ['perVisitor', true],
    ['requestsPerSecond', 0],
    ['requestsPerSecond', -5],
    ['requestsPerSecond', Number.NaN],
    ['requestsPerSecond', '5'],
    ['maxWaitMs', -1],
    ['maxWaitMs', Number.POSITIVE_INFINITY],
    ['visitorKey', 'x-real-ip'],
    ['trustProxy', 0],
    ['trustProxy', 1.5],
    ['trustProxy', 'x forwarded for'],
    ['trustProxy', true],
  ])('refuses %s: %j with a TypeError that names it', (name, value) => {
    expect(() => limitsOf({ [name]: value } as ProxyLimits)).toThrow(
      expect.objectContaining({ name: 'TypeError', message: expect.stringContaining(`limits.${name}`) }),
    );
  });
});

describe('bad options, with the key given by mistake', () => {
  const KEY = 'sk_live_0123456789abcdef0123456789abcdef';
  it.each<[string, ProxyLimits]>([
    ['perVisitor', { perVisitor: KEY as never }],
    ['perVisitor.points', { perVisitor: { points: KEY as never, duration: 60 } }],
    ['perVisitor.duration', { perVisitor: { points: 1, duration: KEY as never } }],
    ['requestsPerSecond', { requestsPerSecond: KEY as never }],
    ['maxWaitMs', { maxWaitMs: KEY as never }],
    ['visitorKey', { visitorKey: KEY as never }],
    ['trustProxy', { trustProxy: KEY }],
    ['trustProxy', { trustProxy: { header: KEY } as never }],
  ])('never quotes it when it is given to %s: it says what kind of value it got', (name, options) => {
    const create = () => limitsOf(options);
    expect(create).toThrow(expect.objectContaining({ message: expect.stringContaining(`limits.${name}`) }));
    expect(create).toThrow(/\(got (a string|an object)\)/);
    expect(create).not.toThrow(/0123456789/);
  });

  it('refuses visitorKey and trustProxy together', () => {
    expect(() => limitsOf({ trustProxy: 1, visitorKey: () => 'a' })).toThrow(/visitorKey or trustProxy/);
  });
});
