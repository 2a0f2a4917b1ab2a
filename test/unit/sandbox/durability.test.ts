/**
 * Acknowledged creates survive `kill -9` (issue 9, item 10): `ncg sandbox --data` runs as a child process,
 * parallel creators record every id the sandbox acknowledged, the child is killed at a random moment, and
 * after a restart every acknowledged request is there (with its own name) and no id is handed out again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requestsPath, validBody } from './fixtures.ts';

const cli = join(import.meta.dirname, '../../../bin/ncg.mjs');
const apiKey = 'durability-key';
const children = new Set<ChildProcess>();
const dirs: string[] = [];

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Starts `ncg sandbox` on a free port and resolves with its portal base URL once it serves. */
function startChild(dataDir: string): Promise<{ child: ChildProcess; portal: string }> {
  const child = spawn(process.execPath, [cli, 'sandbox', '--port', '0', '--data', dataDir, '--cards', '10', '--api-key', apiKey], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const portal = /Portal API:\s+(\S+)/.exec(out)?.[1];
      if (portal) resolve({ child, portal });
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`ncg sandbox exited with ${code}: ${err}`)));
  });
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

interface Acknowledged {
  id: number;
  name: string;
}

/** `creators` loops creating drafts until the server goes away, recording into `acknowledged` as answers come. */
async function createUntilKilled(portal: string, creators: number, round: number, acknowledged: Acknowledged[]): Promise<Acknowledged[]> {
  const loop = async (creator: number) => {
    for (let index = 0; ; index += 1) {
      const name = `Сүт ${round}-${creator}-${index} ӘҒҚҢӨҰҮҺІ`;
      let response: Response;
      try {
        response = await fetch(`${portal}${requestsPath}`, {
          method: 'POST',
          headers: { 'X-API-KEY': apiKey, 'Content-Type': 'application/json' },
          body: JSON.stringify(validBody({ name })),
        });
        if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
        const { id } = (await response.json()) as { id: number };
        acknowledged.push({ id, name });
      } catch (error) {
        if (error instanceof TypeError) return; // connection refused or reset: the server is gone
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: creators }, (_, creator) => loop(creator)));
  return acknowledged;
}

describe('sandbox durability (kill -9)', () => {
  it('keeps every acknowledged create and never reuses an id after kill -9', { timeout: 120_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ncg-durability-'));
    dirs.push(dataDir);
    const everAcknowledged = new Map<number, string>();
    for (let round = 0; round < 3; round += 1) {
      const { child, portal } = await startChild(dataDir);
      // Everything acknowledged in earlier rounds is still there, under its own name.
      for (const [id, name] of everAcknowledged) {
        const details = await fetch(`${portal}${requestsPath}/${id}/details`, { headers: { 'X-API-KEY': apiKey } });
        expect(details.status, `request ${id} (${name}) lost`).toBe(200);
        const attributes = ((await details.json()) as { attributes: { code: string; value?: string }[] }).attributes;
        expect(attributes.find((attribute) => attribute.code === 'name_ru')?.value, `request ${id} now holds another request`).toBe(name);
      }
      const acknowledged: Acknowledged[] = [];
      const creating = createUntilKilled(portal, 12, round, acknowledged);
      // Kill at a random moment once creates are flowing (some acknowledged, many in flight).
      await expect.poll(() => acknowledged.length, { timeout: 20_000 }).toBeGreaterThan(10);
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 400)));
      await killHard(child);
      await creating;
      expect(acknowledged.length, 'no create was acknowledged before the kill').toBeGreaterThan(0);
      for (const { id, name } of acknowledged) {
        expect(everAcknowledged.has(id), `id ${id} handed out twice`).toBe(false);
        everAcknowledged.set(id, name);
      }
    }
    // After the last kill: everything is there, and a new create gets an id never handed out before.
    const { child, portal } = await startChild(dataDir);
    try {
      const list = await fetch(`${portal}${requestsPath}?page=1&size=1`, { headers: { 'X-API-KEY': apiKey } });
      expect(((await list.json()) as { totalElements: number }).totalElements).toBeGreaterThanOrEqual(everAcknowledged.size);
      for (const id of everAcknowledged.keys()) {
        expect((await fetch(`${portal}${requestsPath}/${id}/status`, { headers: { 'X-API-KEY': apiKey } })).status, `request ${id} lost`).toBe(200);
      }
      const fresh = await fetch(`${portal}${requestsPath}`, {
        method: 'POST',
        headers: { 'X-API-KEY': apiKey, 'Content-Type': 'application/json' },
        body: JSON.stringify(validBody()),
      });
      const { id } = (await fresh.json()) as { id: number };
      expect(id).toBeGreaterThan(Math.max(...everAcknowledged.keys()));
      // No stray temporary files are left behind.
      expect((await readdir(dataDir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    } finally {
      await killHard(child);
    }
  });
});
