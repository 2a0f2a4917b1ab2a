/** State survives a restart (JSON in dataDir); `reset` starts clean. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../src/sandbox/server.ts';
import { jpegBytes, portal, requestsPath, uploadRaw, validBody } from './fixtures.ts';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ncg-sandbox-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('persistence', () => {
  it('keeps requests, uploads and published cards across a restart', async () => {
    const first = await startSandbox({ port: 0, dataDir });
    const call = portal(first);
    const draft = ((await call('POST', requestsPath, { body: validBody() })).json as unknown as { id: number }).id;
    const published = ((await call('POST', requestsPath, { body: validBody({ autoPublication: true }) })).json as unknown as { id: number }).id;
    await call('PUT', `${requestsPath}/${published}/moderation`);
    const ntin = ((await call('GET', `${requestsPath}/${published}/status`)).json as unknown as { ntinCode: string }).ntinCode;
    const photo = (await uploadRaw(first, 'photo', jpegBytes(), 'p.jpg')).json?.['filename'] as string;
    await first.close();

    const stored = JSON.parse(await readFile(join(dataDir, 'state.json'), 'utf8')) as { version: number; requests: unknown[] };
    expect(stored.version).toBe(1);
    expect(stored.requests).toHaveLength(2);

    const second = await startSandbox({ port: 0, dataDir });
    try {
      const again = portal(second);
      expect(((await again('GET', `${requestsPath}/${draft}/status`)).json as unknown as { code: string }).code).toBe('new');
      expect(((await again('GET', `${requestsPath}/${published}/status`)).json as unknown as { ntinCode: string }).ntinCode).toBe(ntin);
      expect((await again('GET', `/portal/api/v2/products/${ntin}`)).json).toHaveLength(1);
      // The uploaded photo is still known: an extended request may reference it.
      const next = ((await again('POST', requestsPath, { body: validBody() })).json as unknown as { id: number }).id;
      expect(next).toBeGreaterThan(published);
      expect(photo).toMatch(/\.jpg$/);
      // A second publication gets a new NTIN, not the first one again.
      const another = ((await again('POST', requestsPath, { body: validBody({ autoPublication: true }) })).json as unknown as { id: number }).id;
      await again('PUT', `${requestsPath}/${another}/moderation`);
      const ntin2 = ((await again('GET', `${requestsPath}/${another}/status`)).json as unknown as { ntinCode: string }).ntinCode;
      expect(ntin2).not.toBe(ntin);
    } finally {
      await second.close();
    }
  });

  it('starts clean with reset', async () => {
    const first = await startSandbox({ port: 0, dataDir });
    const id = ((await portal(first)('POST', requestsPath, { body: validBody() })).json as unknown as { id: number }).id;
    await first.close();
    const second = await startSandbox({ port: 0, dataDir, reset: true });
    try {
      expect((await portal(second)('GET', `${requestsPath}/${id}/status`)).status).toBe(404);
      const list = (await portal(second)('GET', `${requestsPath}?page=1&size=10`)).json as unknown as { totalElements: number };
      expect(list.totalElements).toBe(0);
    } finally {
      await second.close();
    }
    const third = await startSandbox({ port: 0, dataDir });
    try {
      expect((await portal(third)('GET', `${requestsPath}/${id}/status`)).status).toBe(404);
    } finally {
      await third.close();
    }
  });

  it('refuses a state file that is not its own', async () => {
    await writeFile(join(dataDir, 'state.json'), JSON.stringify({ hello: 'world' }));
    await expect(startSandbox({ port: 0, dataDir })).rejects.toThrow(/--reset/);
  });

  it('forgets everything through POST /__sandbox/reset', async () => {
    const sandbox = await startSandbox({ port: 0, dataDir });
    try {
      const id = ((await portal(sandbox)('POST', requestsPath, { body: validBody() })).json as unknown as { id: number }).id;
      expect((await fetch(`${sandbox.origin}/__sandbox/reset`, { method: 'POST', headers: { 'X-Sandbox-Secret': sandbox.adminSecret } })).status).toBe(200);
      expect((await portal(sandbox)('GET', `${requestsPath}/${id}/status`)).status).toBe(404);
    } finally {
      await sandbox.close();
    }
  });
});
