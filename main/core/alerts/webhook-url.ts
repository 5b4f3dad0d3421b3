/**
 * Where the alert webhook may post: a public https address. Its body carries spend figures and account
 * names, so an address with a user name or password in it, or one on this machine or a private or
 * link-local network (a router, a cloud metadata service at 169.254.169.254), is refused with words.
 * (A public name that resolves to a private address is not caught here: that needs a DNS lookup.)
 *
 * Example: `webhookUrlProblem('https://user:pw@hooks.example/x')` → "the webhook address must not
 * contain a user name or password"; `'https://hooks.slack.com/services/…'` → null.
 */

/** Why `url` may not be the webhook, or null when it may. Expects an https URL (checked elsewhere). */
export function webhookUrlProblem(url: string): string | null {
  const authority = /^https:\/\/([^/?#]*)/i.exec(url.trim())?.[1] ?? '';
  if (authority.includes('@')) return 'the webhook address must not contain a user name or password';
  const host = hostOf(authority).toLowerCase();
  if (host === '') return 'the webhook address has no host';
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local'))
    return `the webhook must be a public address, not ${host} (this machine or the local network)`;
  if (host.startsWith('[')) return isPublicIpv6(host.slice(1, -1)) ? null : privateText(host);
  if (/^[0-9a-fx.]+$/.test(host) && /^[0-9.x]/.test(host)) {
    const quad = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
    if (!quad) return `write the webhook's IP address as four numbers (like 203.0.113.7), not ${host}`;
    const parts = quad.slice(1).map(Number);
    if (parts.some((p) => p > 255)) return `${host} is not an IP address`;
    return isPublicIpv4(parts) ? null : privateText(host);
  }
  return null;
}

function hostOf(authority: string): string {
  if (authority.startsWith('[')) return authority.slice(0, authority.indexOf(']') + 1);
  return authority.replace(/:\d*$/, '').replace(/\.$/, '');
}

function privateText(host: string): string {
  return `the webhook must be a public address, not ${host} (this machine, a private or a link-local network)`;
}

function isPublicIpv4([a, b]: number[]): boolean {
  if (a === undefined || b === undefined) return false;
  return !(
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // shared address space (carrier NAT)
    (a === 169 && b === 254) || // link-local, cloud metadata
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    a >= 224 // multicast and reserved
  );
}

function isPublicIpv6(addr: string): boolean {
  const a = addr.toLowerCase();
  if (a === '::' || a === '::1') return false;
  const mapped = /^::ffff:(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(a);
  if (mapped) return isPublicIpv4(mapped.slice(1).map(Number));
  if (a.startsWith('::ffff:')) return false; // a mapped IPv4 in hex: refuse rather than decode
  return !/^(fe[89ab]|fc|fd|ff)/.test(a); // link-local, unique local, multicast
}
