/** `ncg sandbox`: options, printed URLs, clean stop. */
import { mkdtemp, rm } from 'node:fs/promises';
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
});
