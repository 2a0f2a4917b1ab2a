/**
 * The download of the catalogue's forms that a first launch starts by itself (real IndexedDB, real Web Locks in
 * Chromium): started only when nothing was ever downloaded, the network is up, no other window downloads and
 * the catalogue answers; once per launch; never two at once, also across windows of the app.
 */
import { expect, it } from 'vitest';
import { baseSchemaKey, hasAttributeSchema } from '../../src/renderer/db/attribute-schemas.ts';
import { openDatabase } from '../../src/renderer/db/database.ts';
import { dictionaryCounts } from '../../src/renderer/db/dictionaries.ts';
import { refreshAtFirstLaunch } from '../../src/renderer/db/dictionary-refresh-launch.ts';
import { dictionaryRefreshRunner, refreshLockName } from '../../src/renderer/db/dictionary-refresh-runner.ts';
import { lastDictionaryRefreshKey, readSetting } from '../../src/renderer/db/settings.ts';
import { scratchDatabases } from './scratch-database.ts';
import { refreshCalls, smallCatalogue } from './small-catalogue.ts';

const newDatabase = scratchDatabases('launch-refresh');

it('a first launch with the catalogue answering asks it once, then downloads the forms without any click', async () => {
  const db = newDatabase();
  const catalogue = smallCatalogue();
  expect(await refreshAtFirstLaunch(catalogue.bridge, db, { online: true })).toEqual({ action: 'start' });
  const runner = dictionaryRefreshRunner(catalogue.bridge, db);
  expect(runner.snapshot().state).toBe('done');
  expect(catalogue.calls).toHaveLength(1 + refreshCalls); // the probe, then the refresh
  expect(catalogue.calls[0]?.operation).toBe('getAllDictionaries');
  expect(await hasAttributeSchema(db, baseSchemaKey)).toBe(true);
  expect(await dictionaryCounts(db)).toMatchObject({ TNVED: 150, COUNTRY: 120 });
  expect(await readSetting(db, lastDictionaryRefreshKey)).toEqual(expect.any(Number));

  // Asked again by this page (a remount): the same decision, nothing called.
  expect(await refreshAtFirstLaunch(catalogue.bridge, db, { online: true })).toEqual({ action: 'start' });
  // The next launch (a new page: a new bridge) finds the forms and asks nothing either.
  const nextLaunch = smallCatalogue();
  expect(await refreshAtFirstLaunch(nextLaunch.bridge, db, { online: true })).toEqual({ action: 'skip', reason: 'refreshed-before' });
  expect(nextLaunch.calls).toHaveLength(0);
  expect(catalogue.calls).toHaveLength(1 + refreshCalls);
});

it('with the catalogue unreachable only the probe is tried: no refresh starts and the runner stays idle for the offer', async () => {
  const db = newDatabase();
  const catalogue = smallCatalogue(() => true);
  expect(await refreshAtFirstLaunch(catalogue.bridge, db, { online: true })).toEqual({ action: 'skip', reason: 'unreachable' });
  expect(catalogue.calls.map((call) => call.operation)).toEqual(['getAllDictionaries']);
  expect(dictionaryRefreshRunner(catalogue.bridge, db).snapshot().state).toBe('idle');
  expect(await readSetting(db, lastDictionaryRefreshKey)).toBeUndefined();
});

it('a page whose refresh already ran (started before the shell asked) starts no second one at launch', async () => {
  const db = newDatabase();
  const catalogue = smallCatalogue((operation) => operation === 'attributes');
  expect((await dictionaryRefreshRunner(catalogue.bridge, db).start()).state).toBe('failed');
  const asked = catalogue.calls.length;
  expect(await refreshAtFirstLaunch(catalogue.bridge, db, { online: true })).toEqual({ action: 'skip', reason: 'tried-this-launch' });
  expect(catalogue.calls).toHaveLength(asked);
});

it('offline, the catalogue is not even asked', async () => {
  const db = newDatabase();
  const catalogue = smallCatalogue();
  expect(await refreshAtFirstLaunch(catalogue.bridge, db, { online: false })).toEqual({ action: 'skip', reason: 'offline' });
  expect(catalogue.calls).toHaveLength(0);
  expect(dictionaryRefreshRunner(catalogue.bridge, db).snapshot().state).toBe('idle');
});

it('a refresh that fails after the probe is a failed state with its error, and is not started again by this launch', async () => {
  const db = newDatabase();
  const catalogue = smallCatalogue((operation) => operation === 'attributes');
  expect(await refreshAtFirstLaunch(catalogue.bridge, db, { online: true })).toEqual({ action: 'start' });
  const run = dictionaryRefreshRunner(catalogue.bridge, db).snapshot();
  expect(run.state).toBe('failed');
  expect(run.state === 'failed' && run.error).toMatchObject({ kind: 'network' });
  // Asked again by this page (a remount): the same decision, nothing started again.
  const asked = catalogue.calls.length;
  expect(await refreshAtFirstLaunch(catalogue.bridge, db, { online: true })).toEqual({ action: 'start' });
  expect(catalogue.calls).toHaveLength(asked);
  expect(dictionaryRefreshRunner(catalogue.bridge, db).snapshot().state).toBe('failed');
});

it('while another window holds the refresh, a launch starts nothing and asks nothing', async () => {
  const db = newDatabase();
  const catalogue = smallCatalogue();
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let granted = () => {};
  const holding = new Promise<void>((resolve) => (granted = resolve));
  const otherWindow = navigator.locks.request(refreshLockName, () => {
    granted();
    return held;
  });
  await holding;
  try {
    expect(await refreshAtFirstLaunch(catalogue.bridge, db, { online: true })).toEqual({ action: 'skip', reason: 'other-window' });
    expect(catalogue.calls).toHaveLength(0);
  } finally {
    release();
    await otherWindow;
  }
});

it('two windows launched together on one fresh profile download the forms once', async () => {
  const first = newDatabase();
  const second = openDatabase(first.name); // the same IndexedDB, opened by another window
  try {
    const windowA = smallCatalogue();
    const windowB = smallCatalogue();
    const decisions = await Promise.all([refreshAtFirstLaunch(windowA.bridge, first, { online: true }), refreshAtFirstLaunch(windowB.bridge, second, { online: true })]);
    expect(decisions.filter((decision) => decision.action === 'start')).toHaveLength(1);
    const refreshes = [windowA, windowB].filter((window) => window.calls.some((call) => call.operation === 'attributes'));
    expect(refreshes).toHaveLength(1);
    expect(await dictionaryCounts(first)).toMatchObject({ TNVED: 150, COUNTRY: 120 });
  } finally {
    second.close();
  }
});

it('a refresh asked for in a window while another window runs one waits for it to end: never two at once', async () => {
  const first = newDatabase();
  const second = openDatabase(first.name);
  try {
    const windowA = smallCatalogue();
    const windowB = smallCatalogue();
    const runnerA = dictionaryRefreshRunner(windowA.bridge, first);
    const runnerB = dictionaryRefreshRunner(windowB.bridge, second);
    const a = runnerA.start();
    // B asks as soon as A has made its first call (and so holds the lock).
    await expect.poll(() => windowA.calls.length).toBeGreaterThan(0);
    const b = runnerB.start();
    expect(runnerB.snapshot()).toMatchObject({ state: 'running', progress: undefined }); // shown as under way
    const [endA, endB] = await Promise.all([a, b]);
    expect([endA.state, endB.state]).toEqual(['done', 'done']);
    const lastOfA = Math.max(...windowA.calls.map((call) => call.endedAt));
    const firstOfB = Math.min(...windowB.calls.map((call) => call.startedAt));
    expect(windowB.calls).toHaveLength(refreshCalls);
    expect(firstOfB).toBeGreaterThanOrEqual(lastOfA);
    expect(await dictionaryCounts(first)).toMatchObject({ TNVED: 150, COUNTRY: 120 });
  } finally {
    second.close();
  }
});

it('the editor’s start when the forms are missing does nothing once another window stored them meanwhile', async () => {
  const first = newDatabase();
  const second = openDatabase(first.name);
  try {
    const windowA = smallCatalogue();
    const windowB = smallCatalogue();
    const a = dictionaryRefreshRunner(windowA.bridge, first).start();
    await expect.poll(() => windowA.calls.length).toBeGreaterThan(0);
    const runnerB = dictionaryRefreshRunner(windowB.bridge, second);
    const endB = await runnerB.start({ onlyIf: async () => !(await hasAttributeSchema(second, baseSchemaKey)) });
    expect((await a).state).toBe('done');
    expect(endB.state).toBe('idle');
    expect(windowB.calls).toHaveLength(0);
  } finally {
    second.close();
  }
});

it('a click during the launch’s own check is served once the check ends, even when the check found the catalogue away', async () => {
  const db = newDatabase();
  let probes = 0;
  // The launch's probe meets an unreachable catalogue; it answers again by the time of the click's refresh.
  const catalogue = smallCatalogue((operation) => operation === 'getAllDictionaries' && ++probes === 1);
  const launch = refreshAtFirstLaunch(catalogue.bridge, db, { online: true });
  const runner = dictionaryRefreshRunner(catalogue.bridge, db);
  await expect.poll(() => catalogue.calls.length).toBeGreaterThan(0);
  const clicked = runner.start();
  expect(await launch).toEqual({ action: 'skip', reason: 'unreachable' });
  expect((await clicked).state).toBe('done');
  expect(await dictionaryCounts(db)).toMatchObject({ TNVED: 150, COUNTRY: 120 });
});
