/**
 * Which forwarding header the proxy may believe about a visitor's address: `limits.trustProxy`.
 * A number is how many proxies of yours append to `X-Forwarded-For` (the address the outermost of
 * them saw is that many places from the end); a header name is one your platform sets and
 * overwrites, so that a visitor cannot write it (`'cf-connecting-ip'` behind Cloudflare).
 *
 * @example const trustProxy: TrustProxy = 1; // one Nginx or load balancer in front
 */
export type TrustProxy = number | string;

/** A header name as HTTP allows it, lower-case letters, digits and hyphens only. */
const HEADER_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/i;
/** The longest key kept: a trusted header is still text the store keeps. */
const MAX_KEY_LENGTH = 100;

/**
 * @internal Whether `trustProxy` is a setting this module understands.
 * @example isTrustProxy(2); // true
 */
export function isTrustProxy(value: unknown): value is TrustProxy {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0;
  return typeof value === 'string' && HEADER_NAME.test(value);
}

/**
 * @internal The visitor's key as `trustProxy` says to read it: `undefined` when no header is
 * trusted (the default) or the trusted one is missing, so that a visitor never picks their own key.
 *
 * @example
 * const keyOf = visitorKeyFrom(1);
 * keyOf(new Request(url, { headers: { 'X-Forwarded-For': '6.6.6.6, 203.0.113.7' } })); // '203.0.113.7'
 */
export function visitorKeyFrom(trustProxy: TrustProxy | undefined): (request: Request) => string | undefined {
  if (trustProxy === undefined) return () => undefined;
  const name = typeof trustProxy === 'number' ? 'x-forwarded-for' : trustProxy;
  // Addresses before the ones your proxies appended are the visitor's to write.
  const place = typeof trustProxy === 'number' ? trustProxy : 1;
  return (request) => {
    const addresses = request.headers
      .get(name)
      ?.split(',')
      .map((part) => part.trim());
    if (!addresses || addresses.length < place) return undefined;
    return addresses.at(-place)?.slice(0, MAX_KEY_LENGTH) || undefined;
  };
}
