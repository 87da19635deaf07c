import { describe, expect, it } from 'vitest';
import { createSimulator, type Fault } from '../../src/testing/index.js';

describe('inject refuses a fault it cannot apply', () => {
  it.each([
    ['times 0', { times: 0 }, RangeError, /times/],
    ['times −1', { times: -1 }, RangeError, /times/],
    ['times NaN', { times: Number.NaN }, RangeError, /times/],
    ['times 1.5', { times: 1.5 }, RangeError, /times/],
    ['times as text', { times: '2' }, TypeError, /times/],
    ['an unknown endpoint', { endpoint: 'addRecords' }, RangeError, /endpoint.*addRecord/],
    ['code 0, which is success', { code: 0 }, RangeError, /code/],
    ['code 400.5', { code: 400.5 }, RangeError, /code/],
    ['a business code with no status', { code: 100301 }, RangeError, /code 100301.*HTTP status.*errorCode/],
    ['code 302 with no status', { code: 302 }, RangeError, /code 302.*400–599/],
    ['code 600 with no status, a raw body', { code: 600, body: 'x' }, RangeError, /code 600.*200–599/],
    ['a business code with no status, the gateway page', { code: 100301, html: true }, RangeError, /code/],
    ['status 200 for an envelope', { status: 200, code: 400 }, RangeError, /status/],
    ['status 302', { status: 302 }, RangeError, /status/],
    ['status 399', { status: 399 }, RangeError, /status/],
    ['status 600', { status: 600 }, RangeError, /status/],
    ['status 600 with a raw body', { status: 600, body: 'x' }, RangeError, /status/],
    ['status 199 with a raw body', { status: 199, body: 'x' }, RangeError, /status/],
    ['status NaN', { status: Number.NaN }, RangeError, /status/],
    ['a body that is not text', { body: { code: 0 } }, TypeError, /body/],
    ['a negative delay', { delayMs: -1 }, RangeError, /delayMs/],
    ['a delay of NaN', { delayMs: Number.NaN }, RangeError, /delayMs/],
    ['no fault at all', null, TypeError, /object/],
  ])('%s', (_, fault, type, message) => {
    const simulator = createSimulator();
    expect(() => simulator.inject(fault as unknown as Fault)).toThrow(type);
    expect(() => simulator.inject(fault as unknown as Fault)).toThrow(message);
    // Nothing half-applied: the next call is answered from the state.
    const answer = simulator.handle('getFormList', {});
    expect(answer).toMatchObject({ status: 200 });
  });

  it.each<[string, Fault]>([
    ['a bare fault (a 400 envelope)', {}],
    ['every endpoint, for ever', { times: Infinity, code: 502 }],
    ['a status 400', { status: 400 }],
    ['a status 599', { status: 599, html: true }],
    ['a broken success: a raw body with 200', { status: 200, body: '{"code":0,"da' }],
    ['a delay that never ends', { delayMs: Infinity, network: true }],
    ['a delay of 0', { delayMs: 0, code: 429 }],
    ['an unknown code other than 0', { code: 418, errorCode: 100399 }],
    ['a business code with a status', { code: 100301, status: 400 }],
    ['a code of 200 on a raw body', { code: 200, body: '{"code":0' }],
    ['a business code on a reset connection', { code: 100301, network: true }],
  ])('accepts %s', (_, fault) => {
    const simulator = createSimulator();
    expect(() => simulator.inject({ endpoint: 'getFormList', ...fault })).not.toThrow();
    const answer = simulator.handle('getFormList', {});
    expect(answer).not.toEqual(createSimulator().handle('getFormList', {}));
    // What the MSW handlers do with it: an answer `Response` refuses would crash the handler.
    if (!('network' in answer)) expect(() => new Response(answer.body, answer)).not.toThrow();
  });
});
