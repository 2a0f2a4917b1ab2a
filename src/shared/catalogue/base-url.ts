/**
 * Base URLs of the two catalogue surfaces (catalogue-api.md §1, §2.1, §10).
 */
import { misconfigured } from './errors.ts';

/** Hosts whose bare origin means "the portal": `/gwp` is appended (an integrator's client does the same). */
export const portalHosts = ['nationalcatalog.kz', 'www.nationalcatalog.kz', 'nct.kz', 'www.nct.kz'] as const;
/** Hosts that serve the same export API (§10.2). */
export const exportHosts = ['nct.gov.kz', 'www.nct.gov.kz', 'e-catalog.gov.kz', 'www.e-catalog.gov.kz'] as const;

export const productionPortalBaseUrl = 'https://nationalcatalog.kz/gwp';
export const productionExportBaseUrl = 'https://nct.gov.kz/api/integration/ofd';

function parse(raw: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw misconfigured(`${what} base URL is not a URL: ${raw.slice(0, 200)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw misconfigured(`${what} base URL must be http(s): ${url.protocol}`);
  return url;
}

function joined(url: URL): string {
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${path}`;
}

/**
 * Normalises the portal base: no trailing slash, no query; `https://nationalcatalog.kz` (or `nct.kz`) becomes
 * `…/gwp`. Any other base is kept as given: without `/gwp` the portal answers HTML, which the client reports
 * as a `misconfigured` error.
 */
export function normalisePortalBaseUrl(raw: string): string {
  const url = parse(raw, 'Portal');
  const bare = url.pathname === '' || url.pathname === '/';
  if (bare && (portalHosts as readonly string[]).includes(url.hostname.toLowerCase())) return `${url.origin}/gwp`;
  return joined(url);
}

/** Normalises the export base: a bare origin becomes `<origin>/api/integration/ofd`. */
export function normaliseExportBaseUrl(raw: string): string {
  const url = parse(raw, 'Export');
  if (url.pathname === '' || url.pathname === '/') return `${url.origin}/api/integration/ofd`;
  return joined(url);
}

/** Whether a credential for `base` may be sent to `target` (same origin, or both known export aliases). */
export function mayShareCredentials(base: string, target: string): boolean {
  const a = new URL(base);
  const b = new URL(target);
  if (a.origin === b.origin) return true;
  const known = exportHosts as readonly string[];
  return a.protocol === 'https:' && b.protocol === 'https:' && known.includes(a.hostname) && known.includes(b.hostname);
}

/** `localhost`, 127.0.0.0/8 and ::1: a catalogue on this computer (the sandbox). */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host === '::1') return true;
  return /^127(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(host);
}

export type CatalogueUrlProblem = 'not-a-url' | 'insecure' | 'credentials-in-url';

/**
 * Whether a catalogue base URL may receive the key: https only, plain http only on loopback (a sandbox on this
 * computer), never `user:password@` (it would be sent as a Basic header and shown in logs).
 */
export function catalogueUrlProblem(raw: string): CatalogueUrlProblem | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return 'not-a-url';
  }
  if (url.username || url.password) return 'credentials-in-url';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && isLoopbackHostname(url.hostname)) return undefined;
  return url.protocol === 'http:' ? 'insecure' : 'not-a-url';
}

/** The origin a credential typed for `base` is bound to. */
export function credentialOrigin(base: string): string {
  return new URL(base.trim()).origin;
}
