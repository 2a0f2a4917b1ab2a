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
