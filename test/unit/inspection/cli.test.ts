/** `ncg snapshot pull` and `ncg check` against the real sandbox's export feed; the sandbox's own code lookup is the oracle. */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import type { CliIO } from '../../../src/cli/io.ts';
import { gs1CheckDigit } from '../../../src/shared/codes/gs1.ts';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server.ts';

const CARDS = 3000;
let sandbox: RunningSandbox;
let dir: string;
let snapshotPath: string;

function capture(): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (line) => out.push(line), stderr: (line) => err.push(line), isTTY: false };
}

const withCheck = (body: string) => body + String(gs1CheckDigit(body));

interface SearchRow {
  ntin_code: string;
  gtin: string;
  ntin_isdeactivated: boolean;
}

/** What the sandbox itself says about a code (search_ofd/?tin=), turned into the verdict it implies. */
async function oracle(code: string): Promise<{ verdict: string; ntins: string[] }> {
  const response = await fetch(`${sandbox.exportBaseUrl}/search_ofd/?tin=${code}`, { headers: { Authorization: `JWT ${sandbox.exportToken}` } });
  const rows = ((await response.json()) as { result: SearchRow[] }).result;
  const active = rows.filter((row) => !row.ntin_isdeactivated);
  const verdict = rows.length === 0 ? 'not-found' : active.length === 0 ? 'deactivated' : active.length === 1 ? 'registered' : 'several';
  return { verdict, ntins: [...active, ...rows.filter((row) => row.ntin_isdeactivated)].map((row) => row.ntin_code) };
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, cards: CARDS });
  dir = await mkdtemp(join(tmpdir(), 'ncg-snapshot-'));
  snapshotPath = join(dir, 'catalogue.ncgsnap');
  const io = capture();
  const code = await main(['snapshot', 'pull', '--export', sandbox.exportBaseUrl, '--token', sandbox.exportToken, '--out', snapshotPath, '--limit', '700'], io);
  expect(io.err).toEqual([]);
  expect(code).toBe(0);
  expect(JSON.parse(io.out[0] ?? '{}')).toMatchObject({ count: CARDS });
});

afterAll(async () => {
  await sandbox?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function checkJson(codes: string[]) {
  const io = capture();
  const exit = await main(['check', ...codes, '--snapshot', snapshotPath, '--json'], io);
  return { exit, records: io.out.map((line) => JSON.parse(line) as { code: string; verdict: string; ntins: string[]; names: { kk: string; ru: string }[]; notYetInCopy?: boolean; params?: Record<string, number> }) };
}

describe('ncg snapshot + ncg check', () => {
  it('gives the verdict the catalogue itself implies, for codes of every kind', async () => {
    // Walk the feed to pick codes: an NTIN, a GTIN shared by several cards, a deactivated card, one GTIN.
    const rows: (SearchRow & { name_kk: string })[] = [];
    let next: string | null = `${sandbox.exportBaseUrl}/ofd/?from=0&limit=5000`;
    while (next) {
      const page = (await (await fetch(next, { headers: { Authorization: `JWT ${sandbox.exportToken}` } })).json()) as { result: (SearchRow & { name_kk: string })[]; next: string | null };
      rows.push(...page.result);
      next = page.next;
    }
    const gtinCount = new Map<string, number>();
    for (const row of rows) if (row.gtin) gtinCount.set(row.gtin, (gtinCount.get(row.gtin) ?? 0) + 1);
    const shared = rows.find((row) => (gtinCount.get(row.gtin) ?? 0) > 1)?.gtin;
    const deactivated = rows.find((row) => row.ntin_isdeactivated)?.ntin_code;
    const single = rows.find((row) => row.gtin && gtinCount.get(row.gtin) === 1 && !row.ntin_isdeactivated)?.gtin;
    const plainNtin = rows[10]?.ntin_code;
    expect([shared, deactivated, single, plainNtin].every(Boolean)).toBe(true);
    const unknownGtin = withCheck('460999999999');
    const codes = [plainNtin!, plainNtin!.slice(1) /* NTIN read as UPC-A */, single!, shared!, deactivated!, unknownGtin];
    const { records } = await checkJson(codes);
    expect(records).toHaveLength(codes.length);
    for (const [index, code] of codes.entries()) {
      const expected = await oracle(index === 1 ? plainNtin! : code);
      expect(records[index], code).toMatchObject({ code, verdict: expected.verdict, ntins: expected.ntins });
    }
    expect(records.map((record) => record.verdict)).toEqual(['registered', 'registered', 'registered', 'several', 'deactivated', 'not-found']);
    expect(records[0]?.names[0]?.kk).toBe(rows[10]?.name_kk);
  });

  it('marks an NTIN newer than the snapshot, and names the expected check digit of an invalid code', async () => {
    const newer = withCheck(`0200${String(CARDS + 50).padStart(8, '0')}`);
    const good = withCheck('487000000123');
    const bad = good.slice(0, -1) + String((Number(good.slice(-1)) + 5) % 10);
    const { exit, records } = await checkJson([newer, bad, 'hello']);
    expect(exit).toBe(1);
    expect(records[0]).toMatchObject({ verdict: 'not-found', notYetInCopy: true });
    expect(records[1]).toMatchObject({ verdict: 'invalid', problem: 'inspection.code.badCheckDigit', params: { expected: Number(good.slice(-1)) } });
    expect(records[2]).toMatchObject({ verdict: 'invalid', problem: 'inspection.code.notDigits' });
  });

  it('prints one translated line per code', async () => {
    const io = capture();
    const exit = await main(['check', withCheck('460999999999'), '--snapshot', snapshotPath, '--lang', 'kk'], io);
    expect(exit).toBe(1);
    expect(io.out).toHaveLength(1);
    expect(io.out[0]).toContain('Каталогта жоқ');
    expect(io.err[0]).toContain(`${CARDS} карточка`);
  });

  it('exits 2 on a truncated or tampered snapshot and says why', async () => {
    const bytes = await readFile(snapshotPath);
    const truncated = join(dir, 'truncated.ncgsnap');
    await writeFile(truncated, bytes.subarray(0, bytes.length - 1000));
    let io = capture();
    expect(await main(['check', '0200000000017', '--snapshot', truncated, '--lang', 'ru'], io)).toBe(2);
    expect(io.err.join('\n')).toContain('Файл снимка неполный');
    const tampered = join(dir, 'tampered.ncgsnap');
    const copy = Buffer.from(bytes);
    copy[copy.length - 2000] = (copy[copy.length - 2000] ?? 0) ^ 0xff;
    await writeFile(tampered, copy);
    io = capture();
    expect(await main(['check', '0200000000017', '--snapshot', tampered], io)).toBe(2);
    expect(io.err.join('\n')).toContain('checksum mismatch');
    expect(io.out).toEqual([]);
    io = capture();
    expect(await main(['snapshot', 'info', tampered], io)).toBe(2);
    io = capture();
    expect(await main(['snapshot', 'info', join(dir, 'missing.ncgsnap')], io)).toBe(2);
    expect(io.err.join('\n')).toContain('no such file');
    io = capture();
    expect(await main(['snapshot', 'info', snapshotPath], io)).toBe(0);
    expect(JSON.parse(io.out[0] ?? '{}')).toMatchObject({ count: CARDS });
  });

  it('refuses a wrong token without writing a file', async () => {
    const out = join(dir, 'denied.ncgsnap');
    const io = capture();
    expect(await main(['snapshot', 'pull', '--export', sandbox.exportBaseUrl, '--token', 'wrong', '--out', out], io)).toBe(1);
    expect(io.err.join('\n')).toMatch(/401|token|key|authori/iu);
    await expect(stat(out)).rejects.toThrow();
  });
});
