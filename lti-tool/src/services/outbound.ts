/**
 * Requests the tool makes to addresses a stranger names (Dynamic Registration's openid_configuration
 * and the registration endpoint it lists). In production only HTTPS, never private, loopback or
 * link-local addresses unless the operator allows them; always a size and a time limit, no redirects.
 * Addresses are checked when the connection is made, so a name that re-resolves cannot slip by.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import ipaddr from 'ipaddr.js';

export interface OutboundRules {
  requireHttps: boolean;
  allowPrivate: boolean;
  maxBytes?: number;
  timeoutMs?: number;
}

export class OutboundRefused extends Error {}

export interface OutboundAnswer {
  status: number;
  body: string;
}

/** True for an address on the public internet (not private, loopback, link-local, multicast, reserved…). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  return ip.range() === 'unicast';
}

/** The URL, if the rules allow fetching it at all (scheme, literal address). */
export function checkOutboundUrl(raw: string, rules: OutboundRules): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundRefused('is not a URL');
  }
  const schemes = rules.requireHttps ? ['https:'] : ['https:', 'http:'];
  if (!schemes.includes(url.protocol))
    throw new OutboundRefused(rules.requireHttps ? 'is not https' : 'is not http(s)');
  if (url.username || url.password) throw new OutboundRefused('carries a user name or password');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!rules.allowPrivate && net.isIP(host) && !isPublicAddress(host))
    throw new OutboundRefused('is a private, loopback or link-local address');
  return url;
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;

/** dns.lookup that refuses names resolving to non-public addresses. */
function publicLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback) {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '');
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (refused || addresses.length === 0) {
      const e = new OutboundRefused('resolves to a private, loopback or link-local address') as NodeJS.ErrnoException;
      return callback(e, '');
    }
    if (options.all) return callback(null, addresses);
    return callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}

/** One request under the rules; answers the status and at most `maxBytes` of text, or throws. */
export function outboundRequest(
  raw: string,
  init: { method?: string; headers?: Record<string, string>; body?: string },
  rules: OutboundRules,
): Promise<OutboundAnswer> {
  const url = checkOutboundUrl(raw, rules);
  const maxBytes = rules.maxBytes ?? 256 * 1024;
  const timeoutMs = rules.timeoutMs ?? 10_000;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: init.method ?? 'GET',
        headers: { accept: 'application/json', ...init.headers },
        timeout: timeoutMs,
        ...(rules.allowPrivate ? {} : { lookup: publicLookup as unknown as typeof dns.lookup }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            req.destroy(new OutboundRefused(`answered more than ${Math.round(maxBytes / 1024)} KB`));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    const deadline = setTimeout(
      () => req.destroy(new OutboundRefused(`did not answer within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    req.on('close', () => clearTimeout(deadline));
    req.on('timeout', () => req.destroy(new OutboundRefused(`did not answer within ${timeoutMs / 1000} s`)));
    req.on('error', reject);
    req.end(init.body);
  });
}
