/**
 * The one rule for links that leave the app: plain http(s) to a named host, no credentials, bounded length.
 * Both hosts (Electron main and the web twin) check with it before opening anything.
 */
export type ExternalUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

export function checkExternalUrl(raw: string): ExternalUrlCheck {
  if (raw.length > 2048) return { ok: false, reason: 'URL is too long' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: `scheme ${url.protocol} is not allowed` };
  if (url.username || url.password) return { ok: false, reason: 'URLs with credentials are not allowed' };
  if (!url.hostname) return { ok: false, reason: 'URL has no host' };
  return { ok: true, url: url.href };
}
