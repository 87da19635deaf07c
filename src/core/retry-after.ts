/**
 * The longest wait `parseRetryAfter` reports: 24 hours. A larger value is almost certainly a
 * server bug (or a date in the wrong zone), and a screen that says "come back in 3 years" helps no one.
 */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

const MONTHS = 'JanFebMarAprMayJunJulAugSepOctNovDec';
// The three HTTP-date forms of RFC 9110 §5.6.7: IMF-fixdate `Sun, 06 Nov 1994 08:49:37 GMT`,
// RFC 850 `Sunday, 06-Nov-94 08:49:37 GMT` and asctime `Sun Nov  6 08:49:37 1994` (in GMT too).
// Date.parse is not given them: it accepts far more than HTTP dates and reads asctime as local time.
const HTTP_DATE =
  /^[A-Z][a-z]{2,8}(?:, (\d\d)[ -]([A-Z][a-z]{2})[ -](\d\d|\d{4}) ([\d:]{8}) GMT| ([A-Z][a-z]{2}) ([ \d]\d) ([\d:]{8}) (\d{4}))$/;

function parseHttpDate(value: string, now: number): number {
  const groups = HTTP_DATE.exec(value) ?? [];
  const [, day = groups[6], month = groups[5], year = groups[8], time = groups[7]] = groups;
  const monthIndex = MONTHS.indexOf(month as string) / 3;
  if (!year || monthIndex < 0) return Number.NaN;
  let fullYear = Number(year);
  if (year.length === 2) {
    // RFC 9110: a two-digit year more than 50 years ahead belongs to the previous century.
    const thisYear = new Date(now).getUTCFullYear();
    fullYear += thisYear - (thisYear % 100);
    if (fullYear > thisYear + 50) fullYear -= 100;
  }
  const date = Date.UTC(fullYear, monthIndex, Number(day)) + Date.parse(`1970-01-01T${time}Z`);
  // Date.UTC rolls 31 Feb over into March.
  return new Date(date).getUTCDate() === Number(day) ? date : Number.NaN;
}

/**
 * Reads a `Retry-After` header value as a wait in milliseconds.
 *
 * Accepts delta-seconds (`"120"`; a fraction such as `"1.5"` is accepted too) and the three
 * HTTP-date forms. A date in the past means "now" (0). Negative numbers, garbage and missing values
 * give `undefined`; waits longer than {@link MAX_RETRY_AFTER_MS} are capped to it.
 *
 * @example
 * parseRetryAfter('2') // 2000
 * parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('2026-10-21T07:27:00Z')) // 60000
 * parseRetryAfter('soon') // undefined
 */
export function parseRetryAfter(
  value: string | number | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = String(value).trim();
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(text)) {
    ms = Number(text) * 1000;
  } else {
    const date = parseHttpDate(text, now);
    if (Number.isNaN(date)) return undefined;
    ms = Math.max(0, date - now);
  }
  return Number.isFinite(ms) ? Math.min(Math.ceil(ms), MAX_RETRY_AFTER_MS) : MAX_RETRY_AFTER_MS;
}
