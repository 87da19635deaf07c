import { describe, expect, it } from 'vitest';
import {
  API_CODES,
  ApiError,
  ERROR_CATALOG,
  ERROR_KEYS,
  FAILURE_KINDS,
  gotNoAnswer,
  isApiCode,
  isModuleErrorCode,
  MODULE_ERROR_CODES,
  mayHaveBeenStored,
} from '../../src/core/index.js';
import { API_MESSAGES, errorForKey } from '../../src/testing/index.js';

// The API's error-code page (seed-error-codes.txt), copied as it stands: code → English message.
const SEED_TOP_LEVEL_CODES = [0, 400, 401, 403, 404, 429, 502];
const SEED_ERROR_CODES: [number, string][] = [
  [100300, 'System error'],
  [100301, 'Invalid request parameters'],
  [100302, 'Unsupported version'],
  [100303, 'Record not found'],
  [100304, 'Form not found'],
  [100305, 'Unsupported output format'],
  [100306, 'Form not assigned to this code'],
  [100307, 'Duplicate submission not allowed for this field'],
  [100308, 'Required field is empty'],
  [100309, 'Field validation failed'],
  [100310, 'Submitted resource has expired'],
  [100311, 'User submission limit reached'],
  [100312, 'Form submission limit reached'],
  [100313, 'Submission not allowed at current time'],
  [100314, 'Submission not allowed in current code state'],
  [100315, 'API key invalid or disabled'],
  [100316, 'API key org mismatch'],
  [100317, 'No codes found in the selected category'],
  [100318, 'Too many codes found in the selected category'],
  [100319, 'Certificate verification failed'],
  [100320, 'Invalid certificate code'],
  [100321, 'Certificate verification is not enabled'],
  [100322, 'Certificate record is not approved for verification'],
  [100323, 'Certificate does not match the requested scope'],
  [100324, 'Certificate cannot be verified in current status'],
  [100325, 'Invalid verification action'],
  [100326, 'Invalid target certificate status'],
  [100327, 'Invalid verification authorization code'],
  [100328, 'No permission to verify this certificate'],
  [100329, 'Identity information required before verification'],
];

describe('catalog', () => {
  it('has exactly the documented top-level codes', () => {
    expect(Object.keys(API_CODES).map(Number)).toEqual(SEED_TOP_LEVEL_CODES);
  });

  it('has exactly the documented error_codes 100300–100329', () => {
    expect(Object.keys(MODULE_ERROR_CODES).map(Number)).toEqual(SEED_ERROR_CODES.map(([code]) => code));
  });

  it.each(SEED_ERROR_CODES)(
    'the simulator sends error_code %i with the API message "%s"',
    (code, message) => {
      expect(API_MESSAGES[code as keyof typeof API_MESSAGES]).toBe(message);
    },
  );

  it('has an entry for every failure without a code', () => {
    expect(Object.keys(FAILURE_KINDS).sort()).toEqual(
      ['aborted', 'http', 'invalid-response', 'network', 'timeout', 'unknown'].sort(),
    );
  });

  // The types guarantee each entry's shape (tone, scope, retry, category); these are the rules
  // between its fields that they cannot express.
  it.each(ERROR_KEYS)('entry %s offers a way forward, each action once', (key) => {
    const { category, scope, actions } = ERROR_CATALOG[key];
    // Every error offers something to do; what a view does when the host wired none is its own business.
    if (key !== '0') expect(actions.length, key).toBeGreaterThan(0);
    expect(new Set(actions).size).toBe(actions.length);
    if (scope === 'field') expect(category).toBe('validation');
  });

  it('follows design.md for the codes with a specific recovery', () => {
    expect(ERROR_CATALOG['429']).toMatchObject({ scope: 'inline', retry: 'after-delay' });
    expect(ERROR_CATALOG['100329']).toMatchObject({
      retry: 'after-user-action',
      actions: ['complete-identity'],
    });
    expect(ERROR_CATALOG['401'].actions).toContain('reauthenticate');
    expect(ERROR_CATALOG['100315'].actions).toContain('reauthenticate');
    expect(ERROR_CATALOG['100327'].actions).toEqual(['enter-auth-code']);
    for (const key of ['502', 'network', 'timeout'] as const) {
      expect(ERROR_CATALOG[key]).toMatchObject({ scope: 'page', retry: 'auto-for-reads' });
    }
    for (const key of ['100307', '100308', '100309'] as const) expect(ERROR_CATALOG[key].scope).toBe('field');
  });

  it('tells at a glance what ended, what to fix, what to wait for and what is already done', () => {
    expect(ERROR_CATALOG['0'].tone).toBe('done');
    // Already verified is a refusal of this verification: a ticket used twice never looks valid.
    expect(ERROR_CATALOG['100324'].tone).toBe('warning');
    // A form closed, full or paused, or read-only, is a normal state of the form, not a failure.
    for (const key of ['403', '100311', '100312', '100313', '100314'] as const)
      expect(ERROR_CATALOG[key].tone).toBe('neutral');
    expect(ERROR_CATALOG['100319'].tone).toBe('error');
    expect(ERROR_CATALOG['100328'].tone).toBe('error');
    expect(ERROR_CATALOG['100322'].tone).toBe('wait'); // approval pending
    for (const key of ['429', '502', 'network', 'timeout'] as const)
      expect(ERROR_CATALOG[key].tone).toBe('wait');
    for (const key of ['100307', '100308', '100309', '100320', '100327', '100329'] as const)
      expect(ERROR_CATALOG[key].tone).toBe('fix');
  });

  it('leads the desk to the next certificate after an outcome for this one', () => {
    for (const key of ['100321', '100322', '100324'] as const)
      expect(ERROR_CATALOG[key].actions[0]).toBe('enter-certificate-code');
  });

  it('sends a verifier without permission to whoever grants it, not to a next certificate refused the same way', () => {
    expect(ERROR_CATALOG['100328'].actions).toEqual(['request-permission', 'contact-admin']);
  });

  it('knows which failed writes may still have been stored', () => {
    const maybe = ERROR_KEYS.filter((key) => mayHaveBeenStored(errorForKey(key)));
    expect(maybe).toEqual(['502', 'network', 'timeout', 'invalid-response', 'http']);
    // A refusal the API made stored nothing, whatever its status.
    expect(mayHaveBeenStored(new ApiError({ kind: 'api', code: 400, errorCode: 100300, status: 502 }))).toBe(
      false,
    );
  });

  it('knows which failures got no answer at all, and so can be sent as they are once the connection is back', () => {
    expect(ERROR_KEYS.filter((key) => gotNoAnswer(errorForKey(key)))).toEqual(['network', 'timeout']);
    // A fetch that failed before reading it as an ApiError: the browser's own TypeError.
    expect(gotNoAnswer(new TypeError('Failed to fetch'))).toBe(true);
    // An unreadable answer was an answer: something refused or broke it, and sending it again as is may not help.
    expect(gotNoAnswer(new ApiError({ kind: 'invalid-response', status: 200 }))).toBe(false);
  });

  it('recognises codes only as numbers', () => {
    expect(isApiCode(429)).toBe(true);
    expect(isApiCode('429')).toBe(false);
    expect(isApiCode(100329)).toBe(false);
    expect(isModuleErrorCode(100329)).toBe(true);
    expect(isModuleErrorCode(100330)).toBe(false);
    expect(isModuleErrorCode('toString')).toBe(false);
  });
});
