/**
 * The longest wait `parseRetryAfter` reports: 24 hours. A larger value is almost certainly a
 * server bug (or a date in the wrong zone), and a screen that says "come back in 3 years" helps no one.
 */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = `(?<month>${MONTHS.join('|')})`;
const TIME = '(?<hour>[01]\\d|2[0-3]):(?<minute>[0-5]\\d):(?<second>[0-5]\\d|60)';
// The three HTTP-date forms of RFC 9110 §5.6.7. Date.parse is not used: it accepts far more than
// HTTP dates and reads asctime dates in the local zone.
const HTTP_DATE_FORMS = [
  new RegExp(`^${DAY}, (?<day>\\d{2}) ${MONTH} (?<year>\\d{4}) ${TIME} GMT$`),
  new RegExp(`^${LONG_DAY}, (?<day>\\d{2})-${MONTH}-(?<year>\\d{2}) ${TIME} GMT$`),
  new RegExp(`^${DAY} ${MONTH} (?<day>[ \\d]\\d) ${TIME} (?<year>\\d{4})$`),
];

function parseHttpDate(value: string, now: number): number {
  for (const form of HTTP_DATE_FORMS) {
    const date = form.exec(value)?.groups;
    if (!date) continue;
    let year = Number(date.year);
    if (date.year.length === 2) {
      // RFC 9110: a two-digit year more than 50 years ahead belongs to the previous century.
      const thisYear = new Date(now).getUTCFullYear();
      year += Math.floor(thisYear / 100) * 100;
      if (year > thisYear + 50) year -= 100;
    }
    const day = Number(date.day);
    const hour = Number(date.hour);
    const time = Date.UTC(
      year,
      MONTHS.indexOf(date.month),
      day,
      hour,
      Number(date.minute),
      Number(date.second),
    );
    // Rejects impossible dates such as 31 Feb, which Date.UTC would roll over into March.
    return new Date(time).getUTCDate() === day ? time : Number.NaN;
  }
  return Number.NaN;
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
