/**
 * Hosts of 草料's QR code URLs. **Inferred**: the docs only say "coding or full URL"; these are the
 * domains 草料 prints into its codes (with their subdomains).
 */
export const QRCODE_HOSTS: readonly string[] = ['cli.im', 'clewm.net', 'qr61.cn'];

const CODING = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The coding that `qrcode` names — itself, or the last path segment of a 草料 QR URL — or
 * `undefined` when it is neither (another site's URL, a sentence, not text at all).
 * @example codingOf('https://qr61.cn/oXyZ/q8001') // 'q8001'
 */
export function codingOf(qrcode: unknown): string | undefined {
  if (typeof qrcode !== 'string') return undefined;
  const reference = qrcode.trim();
  if (CODING.test(reference)) return reference;
  let url: URL;
  try {
    url = new URL(reference);
  } catch {
    return undefined;
  }
  const host = url.hostname.toLowerCase();
  const ours = QRCODE_HOSTS.some((domain) => host === domain || host.endsWith(`.${domain}`));
  if (!ours || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password)
    return undefined;
  const coding = url.pathname.split('/').filter(Boolean).at(-1);
  return coding !== undefined && CODING.test(coding) ? coding : undefined;
}
