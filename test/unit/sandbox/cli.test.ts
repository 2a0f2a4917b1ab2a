/** `ncg sandbox`: options, printed URLs, clean stop. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSandbox, summary } from '../../../src/cli/commands/sandbox.ts';
import type { CliIO } from '../../../src/cli/io.ts';

function captureIO() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (line) => out.push(line), stderr: (line) => err.push(line), isTTY: false };
  return { io, out, err };
}

describe('ncg sandbox', () => {
  it('has a summary and prints usage with the markers on --help', async () => {
    expect(summary).toMatch(/sandbox|stand-in/i);
    const { io, out } = captureIO();
    expect(await runSandbox(['--help'], io, Promise.resolve())).toBe(0);
    expect(out.join('\n')).toContain('[similar]');
    expect(out.join('\n')).toContain('--moderation');
  });

  it.each([
    [['--moderation', 'sometimes']],
    [['--port', '-1']],
    [['--cards', 'many']],
    [['--unknown']],
  ])('exits 2 on bad options %j', async (args) => {
    const { io, err } = captureIO();
    expect(await runSandbox(args, io, Promise.resolve())).toBe(2);
    expect(err.join('\n')).toContain('Usage: ncg sandbox');
  });

  it('serves until stopped, printing the base URLs, key and token', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ncg-cli-sandbox-'));
    const { io, out } = captureIO();
    let stop: () => void = () => {};
    const stopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const running = runSandbox(['--port', '0', '--data', dataDir, '--api-key', 'k-1', '--export-token', 't-1', '--cards', '10', '--moderation', 'delay:1000'], io, stopped);
    await expect.poll(() => out.some((line) => line.includes('Portal API'))).toBe(true);
    const portalLine = out.find((line) => line.includes('Portal API')) ?? '';
    const portalBase = portalLine.split(/\s+/).find((word) => word.startsWith('http')) ?? '';
    expect(portalBase).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/gwp$/);
    expect(out.join('\n')).toContain('k-1');
    expect(out.join('\n')).toContain('t-1');
    expect(out.join('\n')).toContain('/api/integration/ofd');
    const answer = await fetch(`${portalBase}/portal/api/v1/dictionaries`, { headers: { 'X-API-KEY': 'k-1' } });
    expect(answer.status).toBe(200);
    stop();
    expect(await running).toBe(0);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('names a port in use in one line, no stack trace', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { io, err } = captureIO();
      expect(await runSandbox(['--port', String(port), '--memory', '--cards', '10'], io, Promise.resolve())).toBe(1);
      expect(err).toEqual([`ncg sandbox: port ${port} on 127.0.0.1 is already in use; stop the other program or pick another with --port N`]);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('refuses --port abc with a clear first line', async () => {
    const { io, err } = captureIO();
    expect(await runSandbox(['--port', 'abc'], io, Promise.resolve())).toBe(2);
    expect(err.join('\n').split('\n')[0]).toBe('--port must be a whole number from 0 to 65535, got "abc"');
  });

  it.each([
    ['state.json', '{"version":1,"nextRequestId":1000'],
    ['journal-0.ndjson', '[{"d":1}]\n{garbage\n[{"d":2}]\n'],
  ])('names a damaged %s in one line and suggests --reset', async (file, contents) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ncg-cli-sandbox-'));
    try {
      await writeFile(join(dataDir, file), contents);
      const { io, err, out } = captureIO();
      expect(await runSandbox(['--port', '0', '--data', dataDir, '--cards', '10'], io, Promise.resolve())).toBe(1);
      expect(err).toHaveLength(1);
      expect(err[0]).toContain(join(dataDir, file));
      expect(err[0]).toContain('--reset');
      expect(err[0]).not.toMatch(/\n|Error:|\.ts:\d+/);
      expect(out).toEqual([]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('prints the admin secret, which the admin routes then require', async () => {
    const { io, out } = captureIO();
    let stop: () => void = () => {};
    const stopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const running = runSandbox(['--port', '0', '--memory', '--cards', '10'], io, stopped);
    await expect.poll(() => out.some((line) => line.includes('Admin'))).toBe(true);
    const line = out.find((candidate) => candidate.includes('Admin')) ?? '';
    const admin = line.split(/\s+/).find((word) => word.startsWith('http')) ?? '';
    const secret = /X-Sandbox-Secret: (\S+)\)/.exec(line)?.[1] ?? '';
    expect((await fetch(admin)).status).toBe(401);
    expect((await fetch(admin, { headers: { 'X-Sandbox-Secret': secret } })).status).toBe(200);
    stop();
    expect(await running).toBe(0);
  });
});
