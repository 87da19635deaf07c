import { safeStorage } from './draft-storage.js';

/**
 * How long a storage claim holds without its tab renewing it: a tab closed mid-send leaves its
 * claim, which must not block the send for long.
 */
const CLAIM_MS = 60_000;
/** A send can outlast a claim (a 429's retries): its tab renews the claim this often while it runs. */
const RENEW_MS = 20_000;

const lockName = (key: string) => `caoliao-api-errors:send:${key}`;

interface Claim {
  sender: string;
  until: number;
}

function readClaim(name: string): Claim | undefined {
  try {
    const claim = JSON.parse(safeStorage('local').get(name) ?? 'null');
    return typeof claim?.sender === 'string' && typeof claim.until === 'number' ? claim : undefined;
  } catch {
    return undefined;
  }
}

// Without Web Locks (Safari before 15.4, some in-app kernels): a claim in localStorage, which every
// tab of the origin reads. Not atomic across processes — two tabs may both win a near tie — so the
// Idempotency-Key stays the last guard: the proxy stores one record for both.
async function withStorageClaim(name: string, send: () => Promise<void>): Promise<boolean> {
  const held = readClaim(name);
  if (held && held.until > Date.now()) return false;
  const sender = Math.random().toString(36).slice(2);
  const store = safeStorage('local');
  const claim = () => store.set(name, JSON.stringify({ sender, until: Date.now() + CLAIM_MS }));
  // Storage blocked or full: no tab can claim, and the submission must still go.
  if (claim() && readClaim(name)?.sender !== sender) return false;
  const renewal = setInterval(() => {
    if (readClaim(name)?.sender === sender) claim();
  }, RENEW_MS);
  try {
    await send();
    return true;
  } finally {
    clearInterval(renewal);
    if (readClaim(name)?.sender === sender) store.remove(name);
  }
}

/**
 * @internal Runs `send` unless another sender of the same submission (its key) is running —
 * another trigger of this page, another tab — and returns whether it ran: a Web Lock where the
 * browser has them, else a claim in `localStorage`.
 * @example await withSendClaim(draft.idempotencyKey, () => submit.mutateAsync(draft.request));
 */
export async function withSendClaim(key: string, send: () => Promise<void>): Promise<boolean> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return withStorageClaim(lockName(key), send);
  return locks.request(lockName(key), { ifAvailable: true }, async (lock) => {
    if (!lock) return false;
    await send();
    return true;
  });
}
