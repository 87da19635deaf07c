import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { keyRuns } from '../core/key-runs.js';
import type { ReceivedRequest } from '../support/test-server.js';
import { API_KEY, post, proxyTo, TEMPLATE } from './proxy-kit.js';

const bearerOf = (request: ReceivedRequest) => String(request.headers.authorization).replace(/^Bearer /, '');
const json = (value: unknown) => JSON.stringify(value);

/** Upstream answers that quote the key they were sent, each in its own way. */
const HOSTILE: [string, (key: string, response: ServerResponse) => void][] = [
  [
    'raw in an envelope',
    (key, r) =>
      r
        .writeHead(401, { 'Content-Type': 'application/json' })
        .end(json({ code: 401, message_detail: `bad key ${key}` })),
  ],
  [
    'JSON-escaped with \\/',
    (key, r) =>
      r
        .writeHead(401, { 'Content-Type': 'application/json' })
        .end(json({ code: 401, message_detail: key }).replaceAll('/', '\\/')),
  ],
  [
    'as \\u escapes',
    (key, r) =>
      r
        .writeHead(400, { 'Content-Type': 'application/json' })
        .end(
          `{"code":400,"k":"${[...key].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"}`,
        ),
  ],
  [
    'URL-encoded',
    (key, r) =>
      r
        .writeHead(400, { 'Content-Type': 'text/plain' })
        .end(`see /debug?auth=${encodeURIComponent(`Bearer ${key}`)}`),
  ],
  [
    'HTML-escaped in a 502 page',
    (key, r) =>
      r
        .writeHead(502, { 'Content-Type': 'text/html' })
        .end(`<pre>Authorization: Bearer ${key.replaceAll('/', '&#x2F;').replaceAll('+', '&#43;')}</pre>`),
  ],
  [
    'only its first half',
    (key, r) => r.writeHead(500, { 'Content-Type': 'text/plain' }).end(`key starts ${key.slice(0, 12)}…`),
  ],
  [
    'split across chunks',
    (key, r) => {
      r.writeHead(200, { 'Content-Type': 'application/json' });
      r.write(`{"code":0,"data":"${key.slice(0, 10)}`);
      setTimeout(() => r.end(`${key.slice(10)}"}`), 10);
    },
  ],
  [
    'past 64 KiB of padding',
    (key, r) =>
      r
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(json({ code: 0, pad: 'x'.repeat(70_000), key })),
  ],
  [
    'in a 429 with Retry-After',
    (key, r) =>
      r
        .writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '3' })
        .end(json({ code: 429, message: key })),
  ],
  [
    'in the headers the client reads',
    (key, r) =>
      r
        .writeHead(200, {
          'Content-Type': `application/json; k=${key}`,
          'Retry-After': key,
          'X-Request-Id': key,
          'Cache-Control': `private, k="${key}"`,
        })
        .end('{"code":0}'),
  ],
  [
    'in headers nobody reads',
    (key, r) =>
      r
        .writeHead(401, {
          'Content-Type': 'application/json',
          'WWW-Authenticate': `Bearer ${key}`,
          'Set-Cookie': `k=${encodeURIComponent(key)}`,
          Location: `/x?${key}`,
          'X-Debug-Authorization': `Bearer ${key}`,
        })
        .end('{"code":401}'),
  ],
  [
    'in the status line',
    (key, r) => r.writeHead(401, `Bad ${key}`, { 'Content-Type': 'application/json' }).end('{"code":401}'),
  ],
  ['as a redirect', (key, r) => r.writeHead(302, { Location: `https://evil.test/?k=${key}` }).end(key)],
  [
    'by breaking off',
    (key, r) => {
      r.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '500' });
      r.write(`{"k":"${key}`);
      setTimeout(() => r.destroy(), 10);
    },
  ],
];

describe('the key never reaches the browser or the log', () => {
  it.each(HOSTILE)('upstream quoting it %s', async (_, hostile) => {
    const { proxy, upstream, logs } = await proxyTo((request, response) =>
      hostile(bearerOf(request), response),
    );
    const answer = await proxy(post(TEMPLATE));
    const seen = [
      String(answer.status),
      answer.statusText,
      ...[...answer.headers].map(([name, value]) => `${name}: ${value}`),
      await answer.text(),
      JSON.stringify(logs),
    ].join('\n');
    expect(bearerOf(upstream.requests[0] as ReceivedRequest)).toBe(API_KEY);
    expect(keyRuns(seen, API_KEY)).toEqual([]);
    // keyRuns knows no \u or HTML escapes: decode those, then look again.
    const decoded = seen
      .replace(/\\u([0-9a-f]{4})/gi, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16)))
      .replace(/&#x([0-9a-f]+);/gi, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16)))
      .replace(/&#(\d+);/g, (_, digits) => String.fromCharCode(Number(digits)));
    expect(keyRuns(decoded, API_KEY)).toEqual([]);
  });

  it('redacts only the copy: the rest of the body, its status and type go on, and the log says so', async () => {
    const { proxy, logs } = await proxyTo((request, response) => {
      response.writeHead(401, { 'Content-Type': 'application/json' }).end(
        json({
          code: 401,
          error_code: 100315,
          message: '无效',
          message_detail: `key ${bearerOf(request)}`,
        }),
      );
    });
    const answer = await proxy(post(TEMPLATE));
    expect(answer.status).toBe(401);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(await answer.json()).toEqual({
      code: 401,
      error_code: 100315,
      message: '无效',
      message_detail: 'key [redacted]',
    });
    expect(logs).toEqual([expect.objectContaining({ outcome: 'forwarded', status: 401, redacted: true })]);
  });

  it('passes bytes that quote nothing unchanged, even when they are not UTF-8', async () => {
    const bytes = Buffer.from([0x7b, 0xff, 0xfe, 0x7d]);
    const { proxy, logs } = await proxyTo((_, response) => {
      response.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(bytes);
    });
    const answer = await proxy(post(TEMPLATE));
    expect(Buffer.from(await answer.arrayBuffer())).toEqual(bytes);
    expect(logs[0]?.redacted).toBeUndefined();
  });
});
