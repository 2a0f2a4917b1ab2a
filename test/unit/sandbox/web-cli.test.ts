/**
 * `ncg web` (issue 9, items 3, 9, 12): page and sandbox on one origin; a malformed request gets a 4xx and
 * the server lives on; bad options, a port in use and a damaged state file each get one clear line.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWeb } from '../../../src/cli/commands/web.ts';
import type { CliIO } from '../../../src/cli/io.ts';
import { requestsPath, validBody } from './fixtures.ts';

function captureIO() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (line) => out.push(line), stderr: (line) => err.push(line), isTTY: false };
  return { io, out, err };
}

function raw(base: string, method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  const { hostname, port } = new URL(base);
  return new Promise<{ status: number; text: string; headers: Record<string, string | string[] | undefined> }>((resolve, reject) => {
    const outgoing = request({ host: hostname, port, method, path, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), headers: incoming.headers }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

let root: string;
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'ncg-web-'));
  root = join(scratch, 'site/');
  await mkdir(root);
  await writeFile(join(root, 'index.html'), '<!doctype html><title>twin</title>');
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** Starts `ncg web` in-process; resolves with its URL and a stop function. */
async function startWeb(args: string[] = []) {
  const { io, out, err } = captureIO();
  let stop: () => void = () => {};
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const running = runWeb(['--port', '0', '--cards', '10', ...args], io, stopped, root);
  await expect.poll(() => out.some((line) => line.startsWith('NCG Desk web twin:')) || err.length > 0).toBe(true);
  const url = (out.find((line) => line.startsWith('NCG Desk web twin:')) ?? '').split(' ').pop() ?? '';
  return { url, out, err, stop: async () => (stop(), running) };
}

describe('ncg web', () => {
  it('survives a malformed request (curl /%E0) and answers 400', async () => {
    const web = await startWeb();
    try {
      expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      for (const path of ['/%E0', '/assets/%E0%A4%A.js', '/gwp/portal/api/v2/products/%E0']) {
        const answer = await raw(web.url, 'GET', path, { 'X-API-KEY': 'sandbox-demo-key' });
        expect(answer.status, path).toBe(400);
      }
      expect((await raw(web.url, 'GET', '/')).status).toBe(200);
    } finally {
      expect(await web.stop()).toBe(0);
    }
  });

  it('serves page and sandbox on one origin: the page calls the catalogue same-origin, foreign pages are refused', async () => {
    const web = await startWeb();
    try {
      const origin = web.url.replace(/\/$/, '');
      const config = JSON.parse((await raw(web.url, 'GET', '/web-twin.json')).text) as { portalBaseUrl: string; apiKey: string };
      expect(config.portalBaseUrl).toBe(`${origin}/gwp`);
      const body = JSON.stringify(validBody());
      const headers = { 'X-API-KEY': config.apiKey, 'Content-Type': 'application/json' };
      const own = await raw(web.url, 'POST', `/gwp${requestsPath}`, { ...headers, Origin: origin }, body);
      expect(own.status, own.text).toBe(200);
      expect(own.headers['access-control-allow-origin']).toBeUndefined();
      const foreign = await raw(web.url, 'POST', `/gwp${requestsPath}`, { ...headers, Origin: 'https://evil.example' }, body);
      expect(foreign.status).toBe(403);
      // DNS rebinding: neither the page (its config holds the key) nor the sandbox answer a foreign Host.
      expect((await raw(web.url, 'GET', '/web-twin.json', { Host: 'evil.example' })).status).toBe(421);
      expect((await raw(web.url, 'GET', `/gwp${requestsPath}/attributes`, { ...headers, Host: 'evil.example' })).status).toBe(421);
      // Admin routes need the secret printed at start.
      const secret = /X-Sandbox-Secret: (\S+)\)/.exec(web.out.join('\n'))?.[1] ?? '';
      expect(secret.length).toBeGreaterThanOrEqual(20);
      expect((await raw(web.url, 'GET', '/__sandbox')).status).toBe(401);
      expect((await raw(web.url, 'GET', '/__sandbox', { 'X-Sandbox-Secret': secret })).status).toBe(200);
    } finally {
      await web.stop();
    }
  });

  it.each([
    [['--port', 'abc'], /--port must be a whole number from 0 to 65535, got "abc"/],
    [['--port', '70000'], /--port must be a whole number/],
    [['--cards', 'many'], /--cards must be a whole number/],
    [['--wat'], /Unknown option '--wat'/],
  ])('refuses %j with one clear line and exit 2', async (args, message) => {
    const { io, err, out } = captureIO();
    expect(await runWeb(args, io, Promise.resolve(), root)).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(message);
    expect(err[0]).not.toMatch(/\n|Error:|\.ts:\d+/);
    expect(out).toEqual([]);
  });

  it('names a port in use in one line', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { io, err } = captureIO();
      expect(await runWeb(['--port', String(port), '--cards', '10'], io, Promise.resolve(), root)).toBe(1);
      expect(err).toEqual([`ncg web: port ${port} on 127.0.0.1 is already in use; stop the other program or pick another with --port N`]);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it.each([
    ['truncated', '{"version":1,"nextRequestId":100005,"requests":[{"id":1'],
    ['empty', ''],
    ['not a state file', '{"hello":"world"}'],
    ['a request without a body', '{"version":1,"nextRequestId":100002,"nextProductId":20000001,"nextNtinSerial":90000001,"nextUploadId":1,"requests":[{"id":100001,"status":"new"}],"cards":[],"uploads":[]}'],
  ])('names a %s state.json and suggests --reset in one line, then starts clean with --reset', async (_label, contents) => {
    const dataDir = await mkdtemp(join(scratch, 'data-'));
    await writeFile(join(dataDir, 'state.json'), contents);
    const { io, err } = captureIO();
    expect(await runWeb(['--port', '0', '--cards', '10', '--data', dataDir], io, Promise.resolve(), root)).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(join(dataDir, 'state.json'));
    expect(err[0]).toContain('--reset');
    expect(err[0]).not.toMatch(/\n|Error:|\.ts:\d+/);
    const web = await startWeb(['--data', dataDir, '--reset']);
    expect(web.err).toEqual([]);
    expect((await raw(web.url, 'GET', `/gwp${requestsPath}?page=1&size=1`, { 'X-API-KEY': 'sandbox-demo-key' })).status).toBe(200);
    expect(await web.stop()).toBe(0);
  });
});
