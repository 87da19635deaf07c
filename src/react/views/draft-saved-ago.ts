import { useEffect, useState } from 'react';
import { type ApiErrorsT, useApiErrorsT } from '../provider/use-api-errors-t.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// The relative time moves on while a prompt waits.
const TICK_MS = 30_000;

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

/**
 * @internal `draftSavedAgo` for a view that stays on screen: brought up to date every 30 s.
 * @example const savedAgo = useDraftSavedAgo(draft.savedAt); // '5 分钟前保存'
 */
export function useDraftSavedAgo(savedAt: number): string | undefined {
  const t = useApiErrorsT();
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return draftSavedAgo(t, savedAt, now);
}
