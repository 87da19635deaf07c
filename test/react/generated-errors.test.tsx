import fc from 'fast-check';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ApiError, describeError } from '../../src/core/index.js';
import { createApiErrorsI18n, en, zh } from '../../src/i18n/index.js';
import { ApiErrorsProvider, ApiErrorView } from '../../src/react/index.js';

const HOSTILE = '<img src=x onerror=alert(1)><script>alert(2)</script>';
const text = fc.oneof(fc.string(), fc.constant(HOSTILE), fc.string({ minLength: 5000, maxLength: 20_000 }));
const number = fc.oneof(
  fc.constantFrom(0, 400, 401, 403, 404, 429, 502, 100300, 100308, 100329, 100399, -1, Number.NaN),
  fc.integer(),
  fc.double(),
);
// Anything a host could hand to the view: ApiErrors with odd or missing fields (also of the wrong
// type, as plain JavaScript would pass them), plain errors, strings and objects.
const anyError = fc.oneof(
  fc
    .record(
      {
        kind: fc.oneof(
          fc.constantFrom('api', 'http', 'network', 'timeout', 'aborted', 'invalid-response', 'unknown'),
          fc.constantFrom('constructor', '__proto__', 'toString', 'valueOf'),
          fc.string(),
        ),
        code: fc.oneof(number, fc.string()),
        errorCode: fc.oneof(number, fc.string()),
        status: number,
        serverMessage: fc.oneof(text, fc.anything()),
        detail: fc.oneof(text, fc.anything()),
        retryAfterMs: fc.oneof(number, fc.constantFrom(Number.POSITIVE_INFINITY, -5000)),
        endpoint: text,
      },
      { requiredKeys: ['kind'] },
    )
    .map((fields) => new ApiError(fields as never)),
  text.map((message) => new Error(message)),
  text.map((message) => new TypeError(message)),
  text,
  fc.object(),
);

describe('1,000 generated errors', () => {
  it('each render a non-empty, localized view in both languages without throwing', () => {
    const i18n = { zh: createApiErrorsI18n('zh'), en: createApiErrorsI18n('en') };
    fc.assert(
      fc.property(
        anyError,
        fc.constantFrom('page', 'inline') as fc.Arbitrary<'page' | 'inline'>,
        (error, variant) => {
          const { key } = describeError(error);
          for (const [lng, texts] of [
            ['zh', zh],
            ['en', en],
          ] as const) {
            const html = renderToString(
              <ApiErrorsProvider i18n={i18n[lng]} onRetry={() => {}} onContactSupport={() => {}}>
                <ApiErrorView error={error} variant={variant} />
              </ApiErrorsProvider>,
            );
            expect(html).toContain(texts.errors[key].title);
            expect(html).not.toContain('<img src=x');
            expect(html).not.toContain('<script>');
          }
        },
      ),
      // A fixed seed keeps CI deterministic; FC_SEED=<n> explores other inputs.
      { numRuns: 1000, seed: Number(process.env.FC_SEED ?? 20_261_125) },
    );
  }, 60_000);
});
