import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { appContentSecurityPolicy } from '../../../src/main/app-url.ts';
import { registerAppProtocol, resolveAppPath } from '../../../src/main/protocol.ts';

const root = '/opt/ncg/renderer';

describe('app:// protocol', () => {
  it('maps our URLs into the renderer folder', () => {
    expect(resolveAppPath(root, 'app://ncg/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://ncg/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://ncg/assets/index-abc.js')).toBe(join(root, 'assets/index-abc.js'));
    expect(resolveAppPath(root, 'app://ncg/assets/%D2%9B.png')).toBe(join(root, 'assets/қ.png'));
  });

  it('refuses paths that leave the folder, other hosts and broken encodings', () => {
    // Plain and %2e dot segments are already resolved by the URL parser, so they stay inside the folder.
    expect(resolveAppPath(root, 'app://ncg/../../etc/passwd')).toBe(join(root, 'etc/passwd'));
    expect(resolveAppPath(root, 'app://ncg/%2e%2e/%2e%2e/etc/passwd')).toBe(join(root, 'etc/passwd'));
    for (const url of [
      'app://ncg/assets/..%2f..%2f..%2fetc/passwd',
      'app://ncg/..%5c..%5c..%5cetc/passwd',
      'app://other/index.html',
      'app://ncg/%E0%A4%A',
      'app://ncg/a%00.js',
      'not a url',
    ]) {
      expect(resolveAppPath(root, url), url).toBeNull();
    }
  });

  it('serves files with the strict CSP and 404s outside the folder', async () => {
    let handler: ((request: Request) => Promise<Response>) | undefined;
    const fetched: string[] = [];
    registerAppProtocol(
      {
        handle: (_scheme, registered) => { handler = registered; },
        fetchFile: async (path) => {
          fetched.push(path);
          return new Response('<!doctype html>', { headers: { 'Content-Type': 'text/html' } });
        },
      },
      'app',
      root,
    );
    const ok = await handler!(new Request('app://ncg/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('Content-Security-Policy')).toBe(appContentSecurityPolicy);
    expect(appContentSecurityPolicy).toContain("script-src 'self'");
    // No JavaScript eval; only the compilation of the page's own WebAssembly ('wasm-unsafe-eval', the camera's reader).
    expect(appContentSecurityPolicy).not.toContain("'unsafe-eval'");
    expect(appContentSecurityPolicy).toContain("script-src 'self' 'wasm-unsafe-eval';");
    const worker = await handler!(new Request('app://ncg/assets/pdf.worker.min.mjs'));
    expect(worker.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    const refused = await handler!(new Request('app://ncg/assets/..%2f..%2f..%2fetc/passwd'));
    expect(refused.status).toBe(404);
    expect(fetched).toEqual([join(root, 'index.html'), join(root, 'assets/pdf.worker.min.mjs')]);
  });
});
