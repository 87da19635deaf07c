/** The most of `times` (Unix milliseconds) that fall in one second of the clock. */
export function mostInOneSecond(times: number[]): number {
  const counts = new Map<number, number>();
  for (const at of times) counts.set(Math.floor(at / 1000), (counts.get(Math.floor(at / 1000)) ?? 0) + 1);
  return Math.max(0, ...counts.values());
}
