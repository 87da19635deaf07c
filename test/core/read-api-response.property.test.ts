import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError, readApiResponse } from '../../src/core/index.js';

const NULL_BODY_STATUSES = new Set([204, 205, 304]);

const code = fc.oneof(
  fc.constantFrom(0, 400, 401, 403, 404, 429, 502, '0', '400', ' 0 ', '', null, true, 0.5, -1),
  fc.integer(),
  fc.string(),
);
const envelope = fc.record(
  {
    code,
    error_code: fc.oneof(fc.integer({ min: 100290, max: 100340 }), fc.string(), fc.constant(null)),
    message: fc.oneof(fc.string(), fc.constant('<b>x</b>'), fc.anything()),
    message_detail: fc.anything(),
    data: fc.anything(),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  envelope.map((value) => JSON.stringify(value)),
  envelope.map((value) => `\uFEFF${JSON.stringify(value)}`),
  envelope.map((value) => JSON.stringify(value).slice(0, -3)),
  fc.json(),
  fc.string(),
  fc.constantFrom('', '<html><body>502 Bad Gateway</body></html>', 'null', '[]', '{}'),
);
const headers = fc.dictionary(
  fc.constantFrom('retry-after', 'content-type', 'x-request-id'),
  fc
    .oneof(fc.constantFrom('1', '-1', 'Wed, 21 Oct 2026 07:28:00 GMT', 'later'), fc.string())
    .map((value) => value.replace(/[^\x20-\x7e]/g, '')),
);

/** The oracle: the only answers that may resolve. */
function isSuccess(status: number, text: string): boolean {
  if (status < 200 || status > 299) return false;
  try {
    const parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return false;
    const { code } = parsed;
    return code === 0 || (typeof code === 'string' && /^\s*-?0+\s*$/.test(code));
  } catch {
    return false;
  }
}

describe('readApiResponse over random answers', () => {
  it('resolves only a code-0 envelope on 2xx, and otherwise throws only ApiError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 200, max: 599 }), headers, body, async (status, headerMap, text) => {
        const response = new Response(NULL_BODY_STATUSES.has(status) ? null : text, {
          status,
          headers: headerMap,
        });
        const sent = NULL_BODY_STATUSES.has(status) ? '' : text;
        const outcome = await readApiResponse(response, '/x').then(
          () => 'resolved' as const,
          (thrown: unknown) => thrown,
        );
        if (isSuccess(status, sent)) {
          expect(outcome).toBe('resolved');
        } else {
          expect(outcome).toBeInstanceOf(ApiError);
          const error = outcome as ApiError;
          expect(error.status).toBe(status);
          expect(error.code).not.toBe(0);
          if (error.retryAfterMs !== undefined) expect(error.retryAfterMs).toBeGreaterThanOrEqual(0);
        }
      }),
      // A fixed seed keeps CI deterministic; FC_SEED=<n> explores other inputs.
      { numRuns: 1000, seed: Number(process.env.FC_SEED ?? 20_261_125) },
    );
  });
});
