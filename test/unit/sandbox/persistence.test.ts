/** State survives a restart (snapshot + fsync'd journal in dataDir); `reset` starts clean; ids never repeat. */
import { mkdtemp, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../src/sandbox/server.ts';
import { admin, jpegBytes, portal, requestsPath, uploadRaw, validBody } from './fixtures.ts';

let dataDir: string;

/** The journal's lines; the zeros it is pre-filled with are not content. */
async function journalLines(file: string): Promise<string[]> {
  return (await readFile(file, 'utf8')).replace(/\0+$/, '').split('\n').filter(Boolean);
}

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

  it('reads a state.json written by the previous version and carries it into the journal', async () => {
    const legacy = {
      version: 1,
      nextRequestId: 100_003,
      nextProductId: 20_000_001,
      nextNtinSerial: 90_000_001,
      nextUploadId: 1,
      requests: [{ id: 100_002, body: validBody({ name: 'Ескі өтінім' }), status: 'new', kind: 'new', createdMs: 1, updatedMs: 1, extras: {} }],
      cards: [],
      uploads: [],
    };
    await writeFile(join(dataDir, 'state.json'), JSON.stringify(legacy));
    const first = await startSandbox({ port: 0, dataDir, cards: 10 });
    const created = ((await portal(first)('POST', requestsPath, { body: validBody() })).json as unknown as { id: number }).id;
    expect(created).toBe(100_003);
    expect((await portal(first)('GET', `${requestsPath}/100002/status`)).status).toBe(200);
    await first.close();
    const second = await startSandbox({ port: 0, dataDir, cards: 10 });
    try {
      for (const id of [100_002, created]) expect((await portal(second)('GET', `${requestsPath}/${id}/status`)).status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('appends to the journal instead of rewriting state.json on every change', async () => {
    const sandbox = await startSandbox({ port: 0, dataDir, cards: 10 });
    try {
      const call = portal(sandbox);
      await call('POST', requestsPath, { body: validBody() });
      const before = await stat(join(dataDir, 'state.json')).catch(() => undefined);
      for (let index = 0; index < 20; index += 1) await call('POST', requestsPath, { body: validBody() });
      const after = await stat(join(dataDir, 'state.json')).catch(() => undefined);
      expect(after?.mtimeMs).toBe(before?.mtimeMs);
      const journal = (await readdir(dataDir)).find((name) => name.startsWith('journal-')) ?? '';
      const lines = (await journalLines(join(dataDir, journal))).map((line) => JSON.parse(line) as unknown);
      expect(lines.length).toBeGreaterThanOrEqual(21);
    } finally {
      await sandbox.close();
    }
  });

  it('drops a batch torn by a crash (never acknowledged) and keeps appending after it', async () => {
    const first = await startSandbox({ port: 0, dataDir, cards: 10 });
    const kept = ((await portal(first)('POST', requestsPath, { body: validBody() })).json as unknown as { id: number }).id;
    await first.close();
    // A crash in the middle of writing a batch leaves a half line at the end of the journal.
    const journal = (await readdir(dataDir)).find((name) => name.startsWith('journal-')) ?? '';
    const bytes = await readFile(join(dataDir, journal));
    const end = bytes.indexOf(0) === -1 ? bytes.length : bytes.indexOf(0);
    const file = await open(join(dataDir, journal), 'r+');
    await file.write('[{"r":{"id":999999,"body":{"attributes":[]},"status":"new","extras":{}}},{"n":{"nextRequ', end);
    await file.close();
    const second = await startSandbox({ port: 0, dataDir, cards: 10 });
    try {
      expect((await portal(second)('GET', `${requestsPath}/${kept}/status`)).status).toBe(200);
      const next = ((await portal(second)('POST', requestsPath, { body: validBody() })).json as unknown as { id: number }).id;
      expect(next).toBeGreaterThan(kept);
      // The new batch went on a line of its own: the journal replays cleanly.
      const lines = await journalLines(join(dataDir, journal));
      expect(lines.map((line) => JSON.parse(line) as unknown)).toHaveLength(lines.length);
      expect(lines.join('\n')).toContain(`"id":${next}`);
    } finally {
      await second.close();
    }
  });

  it('removes stray temporary files and old journals on start', async () => {
    await writeFile(join(dataDir, 'state.json.4242.tmp'), '{"half":');
    await writeFile(join(dataDir, 'journal-7.ndjson'), '[]\n');
    const sandbox = await startSandbox({ port: 0, dataDir, cards: 10 });
    try {
      const names = await readdir(dataDir);
      expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([]);
      expect(names).not.toContain('journal-7.ndjson');
    } finally {
      await sandbox.close();
    }
  });

  it('never hands out an id again, not even after a reset', async () => {
    const first = await startSandbox({ port: 0, dataDir, cards: 10 });
    const before = ((await portal(first)('POST', requestsPath, { body: validBody() })).json as unknown as { id: number }).id;
    await admin(first, 'POST', '/reset');
    const afterAdminReset = ((await portal(first)('POST', requestsPath, { body: validBody() })).json as unknown as { id: number }).id;
    expect(afterAdminReset).toBeGreaterThan(before);
    await first.close();
    const second = await startSandbox({ port: 0, dataDir, cards: 10, reset: true });
    try {
      const afterReset = ((await portal(second)('POST', requestsPath, { body: validBody() })).json as unknown as { id: number }).id;
      expect(afterReset).toBeGreaterThan(afterAdminReset);
    } finally {
      await second.close();
    }
  });

  it('compacts a long journal into state.json and keeps everything', async () => {
    const sandbox = await startSandbox({ port: 0, dataDir, cards: 10 });
    const ids: number[] = [];
    const call = portal(sandbox);
    for (let index = 0; index < 30; index += 1) ids.push(((await call('POST', requestsPath, { body: validBody() })).json as unknown as { id: number }).id);
    await sandbox.close();
    const snapshot = JSON.parse(await readFile(join(dataDir, 'state.json'), 'utf8')) as { generation: number; requests: { id: number }[] };
    expect(snapshot.requests.map((request) => request.id)).toEqual(ids);
    expect(await readdir(dataDir)).toEqual(expect.arrayContaining(['state.json', `journal-${snapshot.generation}.ndjson`]));
    expect(await journalLines(join(dataDir, `journal-${snapshot.generation}.ndjson`))).toEqual([]);
  });

  it('refuses a second sandbox on a folder in use, and takes over a lock left by a killed process', async () => {
    const first = await startSandbox({ port: 0, dataDir, cards: 10 });
    try {
      await expect(startSandbox({ port: 0, dataDir, cards: 10 })).rejects.toThrow(/in use by another sandbox \(process \d+\)/);
    } finally {
      await first.close();
    }
    // A pid that cannot be running (above the kernel's pid limit) stands for a process killed with -9.
    await writeFile(join(dataDir, 'sandbox.lock'), '99999999');
    const second = await startSandbox({ port: 0, dataDir, cards: 10 });
    await second.close();
    expect(await readdir(dataDir)).not.toContain('sandbox.lock');
  });
});
