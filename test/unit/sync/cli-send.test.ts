/**
 * `ncg send` / `ncg status` against the real sandbox: in process for the refusals and the journal's rules,
 * and as child processes killed with SIGKILL at random points of a 200-row batch, rerun until done.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../../src/cli/io.ts';
import { main } from '../../../src/cli/main.ts';
import { JournalLockedError, openJournal } from '../../../src/cli/sync-journal.ts';
import type { RunningSandbox } from '../../../src/sandbox/server.ts';
import { foodLeaf, validBin } from '../application/seed-context.ts';
import { sandboxFor, sandboxRequests, waitFor } from './harness.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'ncg-send-'));
const apiKey = 'send-test-key-7Q';
const tnved = foodLeaf.tnvedCodes[0] ?? '';
const header = 'oktru;name_ru;name_kk;short_name_ru;tnved;country;measure_unit;quantity;a4282e5d;producer_identifier';
const row = (prefix: string, n: number) => `${foodLeaf.code};${prefix} Сүт 2,5% №${String(n)};${prefix} Сүт Әлемі №${String(n)};Молоко;${tnved};KZ;112;1;ТОО «Сүт»;${validBin}`;

function csv(name: string, prefix: string, rows: number, edit: (line: string, n: number) => string = (line) => line): string {
  const path = join(folder, name);
  const lines = Array.from({ length: rows }, (_, index) => edit(row(prefix, index + 1), index + 1));
  writeFileSync(path, `${header}\n${lines.join('\n')}\n`);
  return path;
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (line) => out.push(line), stderr: (line) => err.push(line), isTTY: false };
  return { io, out, err };
}

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await sandboxFor({ apiKey, moderation: 'instant' });
});
afterAll(async () => {
  await sandbox.close();
  rmSync(folder, { recursive: true, force: true });
});

const journalLines = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter((line) => line.includes('"t":"record"')).length : 0);

describe('ncg send', () => {
  it('refuses a file with any problem and sends nothing', async () => {
    const file = csv('bad.csv', 'BADCLI', 3, (line, n) => (n === 2 ? line.replace(';KZ;', ';XX;') : line));
    const { io, out } = capture();
    expect(await main(['send', file, '--catalogue', sandbox.portalBaseUrl, '--api-key', apiKey], io)).toBe(1);
    expect(out.filter((line) => line.startsWith('row 3: country'))).toHaveLength(1);
    expect(await sandboxRequests(sandbox, 'BADCLI')).toHaveLength(0);
    expect(existsSync(`${file}.ncg-journal`)).toBe(false);
  });

  it('a wrong key or a wrong address is told in the user’s language before anything is sent; the right key finishes', async () => {
    const file = csv('key.csv', 'KEYCLI', 3);
    // The check itself needs the catalogue: with a wrong key or address it cannot even read the schemas.
    const wrong = capture();
    expect(await main(['send', file, '--catalogue', sandbox.portalBaseUrl, '--api-key', 'wrong', '--lang', 'ru'], wrong.io)).toBe(1);
    expect(wrong.err.join('\n')).toContain('Каталог не принял API-ключ');
    const html = capture();
    expect(await main(['send', file, '--catalogue', `${sandbox.origin}/portal`, '--api-key', apiKey, '--lang', 'kk'], html.io)).toBe(1);
    expect(html.err.join('\n')).toContain('Каталог мекенжайы қате');
    expect(await sandboxRequests(sandbox, 'KEYCLI')).toHaveLength(0);
    const right = capture();
    expect(await main(['send', file, '--catalogue', sandbox.portalBaseUrl, '--api-key', apiKey, '--publish'], right.io)).toBe(0);
    expect(right.out).toHaveLength(3);
    for (const [index, line] of right.out.entries()) expect(line).toMatch(new RegExp(`^row ${String(index + 2)}: \\d+ completed 0200\\d{9}$`));
    const journal = readFileSync(`${file}.ncg-journal`, 'utf8');
    expect(journal).not.toContain(apiKey);

    const status = capture();
    expect(await main(['status', '--catalogue', sandbox.portalBaseUrl, '--api-key', apiKey, '--journal', `${file}.ncg-journal`], status.io)).toBe(0);
    expect(status.out).toEqual(right.out);
  });

  it('shows progress on a terminal, and `ncg status` lists every request of the key without a journal', async () => {
    const file = csv('tty.csv', 'TTYCLI', 2);
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIO = { stdout: (line) => out.push(line), stderr: (line) => err.push(line), isTTY: true };
    expect(await main(['send', file, '--catalogue', sandbox.portalBaseUrl, '--api-key', apiKey], io)).toBe(0);
    expect(err.some((line) => /^ncg send: .*: \d+\/2 sent/u.test(line))).toBe(true);
    expect(out).toHaveLength(2);
    const listed = capture();
    expect(await main(['status', '--catalogue', sandbox.portalBaseUrl, '--api-key', apiKey], listed.io)).toBe(0);
    expect(listed.out.filter((line) => line.includes('TTYCLI'))).toHaveLength(2);
    for (const line of listed.out.filter((entry) => entry.includes('TTYCLI'))) expect(line).toMatch(/^\d+ readyToPublish TTYCLI /u);
  });

  it('one engine per journal: a live lock refuses, a dead one is taken over, a torn tail is cut', async () => {
    const path = join(folder, 'lock.ncg-journal');
    const first = await openJournal(path, { catalogue: sandbox.portalBaseUrl });
    await expect(openJournal(path, { catalogue: sandbox.portalBaseUrl })).rejects.toBeInstanceOf(JournalLockedError);
    await first.put({ applicationId: 'a', job: { applicationId: 'a', body: { oktru: 'x', autoPublication: false, attributes: [] }, files: [], revision: 1 }, phase: 'pending', step: 'upload', uploaded: {}, attempts: 0, history: [], updatedAt: 1 });
    await first.close();
    writeFileSync(`${path}.lock`, '999999999');
    appendFileSync(path, '{"t":"record","record":{"applicationId":"b"');
    const second = await openJournal(path, { catalogue: sandbox.portalBaseUrl });
    expect((await second.list()).map((record) => record.applicationId)).toEqual(['a']);
    const stored = await second.get('a');
    if (!stored) throw new Error('record a was lost');
    await second.put({ ...stored, step: 'create' });
    await second.close();
    const third = await openJournal(path, { catalogue: sandbox.portalBaseUrl });
    expect((await third.get('a'))?.step).toBe('create');
    await third.close();
    await expect(openJournal(path, { catalogue: 'http://elsewhere.invalid/gwp' })).rejects.toThrow(/belongs to the catalogue/);
  });

  it('killed with SIGKILL at random points and rerun, finishes 200 rows with exactly 200 requests', async () => {
    const file = csv('kill.csv', 'KILL200', 200);
    const journal = `${file}.ncg-journal`;
    const args = ['bin/ncg.mjs', 'send', file, '--catalogue', sandbox.portalBaseUrl, '--api-key', apiKey, '--journal', journal];
    let kills = 0;
    let finished: { code: number | null; out: string } | undefined;
    const randomGap = () => 1 + Math.floor(Math.random() * 120);
    for (let round = 0; round < 30 && !finished; round += 1) {
      const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', () => {});
      const exited = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)));
      let done = false;
      void exited.then(() => (done = true));
      const target = journalLines(journal) + randomGap();
      // Kill once the journal has grown by a random number of steps (never on a fixed timer).
      const killing = round < 6 ? waitFor(() => done || journalLines(journal) >= target, 120_000) : exited;
      await killing;
      if (!done && round < 6) {
        child.kill('SIGKILL');
        kills += 1;
        await exited;
        continue;
      }
      const code = await exited;
      finished = { code, out };
    }
    expect(kills).toBeGreaterThanOrEqual(3);
    expect(finished?.code).toBe(0);
    const lines = (finished?.out ?? '').trim().split('\n');
    expect(lines).toHaveLength(200);
    for (const line of lines) expect(line).toMatch(/^row \d+: \d+ (onModeration|readyToPublish)$/);
    const requests = await sandboxRequests(sandbox, 'KILL200');
    expect(requests).toHaveLength(200);
    expect(new Set(requests.map((request) => request.productData.nameRu)).size).toBe(200);
    expect(readFileSync(journal, 'utf8')).not.toContain(apiKey);
  }, 600_000);
});
