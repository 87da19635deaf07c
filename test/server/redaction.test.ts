import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/client/index.js';
import { createApiProxy } from '../../src/server/index.js';
import { createSimulator, createSimulatorHandlers, defaultSimulatorState } from '../../src/testing/index.js';
import { NAME, NOTE, PHONE } from '../testing/simulator-kit.js';

/** A test key whose secret part shares `12345678` with the simulator's field ids. */
const HEX_KEY = 'sk-test-0123456789abcdef';
/** A live key as the API issues them: a public prefix, then 31 secret characters. */
const LIVE_KEY = 'sk_live_4fQ9xT2mRb7LwZ0kVc8NjYs3HdPa6Ge';
const BASE62 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

// The simulator stands in for open.cli.im behind one proxy per key; its form takes any number of
// records, so a visitor can plant as many as an attack needs.
const state = {
  ...defaultSimulatorState(),
  apiKeys: { [HEX_KEY]: { write: true }, [LIVE_KEY]: { write: true } },
};
for (const form of state.forms) Object.assign(form, { userLimit: undefined, formLimit: undefined });
const server = setupServer(...createSimulatorHandlers({ simulator: createSimulator({ state }) }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const proxyFor = (apiKey: string) =>
  createApiProxy({ apiKey, allow: ['getTemplate', 'addRecord', 'getRecord'], limits: { perVisitor: false } });
const hexProxy = proxyFor(HEX_KEY);
const liveProxy = proxyFor(LIVE_KEY);
const proxyOf = (apiKey: string) => (apiKey === HEX_KEY ? hexProxy : liveProxy);

/** A visitor's raw call through the proxy: the answer's text, as a browser would read it. */
async function call(apiKey: string, path: string, body: unknown): Promise<string> {
  const request = new Request(`https://app.example/caoliao/api/v2/rpc/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await proxyOf(apiKey)(request)).text();
}

let phones = 0;
/** Plants `note` in a new record (addRecord), then reads that record back (getRecord). */
async function plantAndReadBack(apiKey: string, note: string): Promise<string> {
  phones += 1;
  const added = await call(apiKey, 'record/addRecord', {
    code_id: 8001,
    tpl_id: 7001,
    fields: [
      { field_id: NAME, field_type: 'name', field_value: '张三' },
      { field_id: PHONE, field_type: 'tel', field_value: `1390000${String(phones).padStart(4, '0')}` },
      { field_id: NOTE, field_type: 'textarea', field_value: note },
    ],
  });
  const recordId = (JSON.parse(added) as { data: { record_id: number } }).data.record_id;
  return call(apiKey, 'record/getRecord', { record_id: recordId });
}

/**
 * The attack of issue #18: from what it knows of the key, the visitor plants, for each character
 * that may come next, guesses that end with it — the 7 characters before it and it, and all it
 * knows and it — reads them back, and takes the one character whose guesses of a kind came back
 * changed. Returns the characters it learned that are right, stopping at the first round that
 * teaches nothing (no guess of a kind changed, or several characters' did) or a wrong character.
 */
async function attack(apiKey: string, known: string, alphabet: string): Promise<string> {
  const kinds = [(soFar: string) => soFar.slice(-7), (soFar: string) => soFar];
  let learned = '';
  while (known.length + learned.length < apiKey.length) {
    const soFar = known + learned;
    const guesses = kinds.map((kind) => [...alphabet].map((next) => kind(soFar) + next));
    const echoed = await plantAndReadBack(apiKey, `|${guesses.flat().join('|')}|`);
    const told = guesses
      .map((ofKind) => ofKind.filter((guess) => !echoed.includes(`|${guess}|`)))
      .find((changed) => changed.length === 1)?.[0];
    if (told?.at(-1) !== apiKey[soFar.length]) return learned;
    learned += told?.at(-1);
  }
  return learned;
}

describe('redaction never corrupts an answer', () => {
  it('passes the form through a proxy whose key shares 8 characters with its field ids', async () => {
    const browser = createApiClient({
      baseUrl: '/caoliao',
      fetch: (url, init) => hexProxy(new Request(new URL(url, 'https://app.example'), init)),
    });
    const template = await browser.getTemplate({ tpl_id: 7001 });
    expect(template.data.groups[0]?.fields.map((field) => field.field_id)).toEqual([NAME, PHONE, NOTE]);
  });

  it('passes a planted run of the key on as it was, and the whole key as [redacted]', async () => {
    const note = `${HEX_KEY.slice(3, 20)} ${HEX_KEY.slice(8)} and ${HEX_KEY}.`;
    const answer = JSON.parse(await plantAndReadBack(HEX_KEY, note));
    expect(answer.data.data.fields[2]).toEqual({
      field_id: NOTE,
      field_type: 'textarea',
      field_value: `${HEX_KEY.slice(3, 20)} ${HEX_KEY.slice(8)} and [redacted].`,
    });
  });
});

describe('redaction is no oracle: planting guesses and reading them back teaches nothing', () => {
  it.each([
    ['a 39-character live key', LIVE_KEY, 'sk_live_', BASE62],
    ['the hex test key', HEX_KEY, 'sk-test-', '0123456789abcdef'],
  ])('%s, from its public prefix: 0 characters learned', async (_, apiKey, prefix, alphabet) => {
    expect(await attack(apiKey, prefix, alphabet)).toBe('');
  });

  it.each([
    ['a 39-character live key', LIVE_KEY, BASE62],
    ['the hex test key', HEX_KEY, '0123456789abcdef'],
  ])('%s, its first 8 secret characters known already: 0 more learned', async (_, apiKey, alphabet) => {
    expect(await attack(apiKey, apiKey.slice(0, 16), alphabet)).toBe('');
  });
});
