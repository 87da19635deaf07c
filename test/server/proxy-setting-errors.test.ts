import { describe, expect, it } from 'vitest';
import { createApiProxy } from '../../src/server/index.js';

// An API key given by mistake to another setting (environment variables mixed up) must not reach a
// log through the TypeError. Three shapes of key: with URL characters, a bare token (a valid
// header name and identifier), and one that starts like a header that cannot be forwarded.
const KEYS = {
  'with URL characters': 'sk_live_7f3a9c/DO_NOT_LEAK+proxy',
  'that is a bare token': 'sk_live_DO_NOT_LEAK_0123456789abcdef',
  'like a Proxy-* header': 'proxy-DO_NOT_LEAK_0123',
};

type Misplaced = [setting: string, options: Record<string, unknown>];

/** Each setting of createApiProxy's own, given the key in every place a string can go. */
const misplaced = (key: string): Misplaced[] => [
  ['allow (a preset)', { allow: key }],
  ['allow (a list)', { allow: [key] }],
  ['allow (the second entry)', { allow: ['getTemplate', key] }],
  ['upstream', { upstream: key }],
  ['upstream (as a password)', { upstream: `https://:${encodeURIComponent(key)}@open.cli.im` }],
  ['upstream (as a user)', { upstream: `https://${encodeURIComponent(key)}@open.cli.im` }],
  ['upstream (as a query)', { upstream: `https://open.cli.im/?key=${encodeURIComponent(key)}` }],
  ['paths (as a name)', { paths: { [key]: '/api/x' } }],
  ['paths (as a path)', { paths: { getTemplate: key } }],
  ['authorize', { authorize: key }],
  ['fetch', { fetch: key }],
  ['log', { log: key }],
  ['timeoutMs', { timeoutMs: key }],
  ['bodyTimeoutMs', { bodyTimeoutMs: key }],
  ['maxBodyBytes', { maxBodyBytes: key }],
  ['maxAnswerBytes', { maxAnswerBytes: key }],
  ['forwardHeaders', { forwardHeaders: key }],
  ['apiKey, with a space', { apiKey: `${key} ` }],
  // A bare token is a header name: forwarding it is no error, and quotes nothing.
  ...(key.startsWith('proxy-') || !/^[\w-]+$/.test(key)
    ? [['forwardHeaders (an entry)', { forwardHeaders: [key] }] satisfies Misplaced]
    : []),
];

describe('no setting error quotes the value it refuses', () => {
  it.each(
    Object.entries(KEYS).flatMap(([shape, key]) =>
      misplaced(key).map(([setting, options]) => [setting, shape, options] as const),
    ),
  )('%s given a key %s', (_, _shape, options) => {
    let thrown: unknown;
    try {
      createApiProxy({ apiKey: 'sk_test_the_real_one', allow: 'form', ...options } as never);
    } catch (error) {
      thrown = error;
    }
    // Each is refused: a setting that took the key would be a bug of its own.
    expect(thrown).toBeInstanceOf(TypeError);
    const { message, stack } = thrown as Error;
    // In any case: a header name is quoted lower-cased.
    expect(`${message}\n${stack}`.toLowerCase()).not.toContain('do_not_leak');
  });
});
