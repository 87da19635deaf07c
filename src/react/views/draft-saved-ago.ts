import type { ApiErrorsT } from '../provider/use-api-errors-t.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * @internal When a draft was kept, relative to `now` and in the texts' language ("5 分钟前保存",
 * "Saved 5 minutes ago"); `undefined` for anything that is not a valid time. A time ahead of `now` (a
 * clock set differently) is "just now".
 * @example draftSavedAgo(t, Date.now() - 3 * 60_000, Date.now()) // 'Saved 3 minutes ago'
 */
export function draftSavedAgo(t: ApiErrorsT, savedAt: number, now: number): string | undefined {
  if (typeof savedAt !== 'number' || Number.isNaN(new Date(savedAt).getTime())) return undefined;
  const elapsed = Math.max(0, now - savedAt);
  if (elapsed < MINUTE) return t('ui.draftSavedJustNow');
  if (elapsed < HOUR) return t('ui.draftSavedMinutesAgo', { count: Math.floor(elapsed / MINUTE) });
  if (elapsed < DAY) return t('ui.draftSavedHoursAgo', { count: Math.floor(elapsed / HOUR) });
  return t('ui.draftSavedDaysAgo', { count: Math.floor(elapsed / DAY) });
}
