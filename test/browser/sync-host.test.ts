/**
 * One engine per profile: two hosts in the same origin (two windows) ask for the same Web Lock; only the first
 * runs an engine, and the second takes over when the first goes away.
 */
import { expect, it } from 'vitest';
import { buildBridge } from '../../src/shared/bridge.ts';
import { startSyncHost } from '../../src/renderer/features/sync/sync-host.ts';
import { scratchDatabases } from './scratch-database.ts';

const scratch = scratchDatabases('sync-host');

async function until(check: () => boolean): Promise<void> {
  for (let waited = 0; !check(); waited += 10) {
    if (waited > 10_000) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

it('runs the engine in one window at a time and hands it over when that window closes', async () => {
  const db = scratch();
  const bridge = buildBridge(async () => ({ ok: true, value: { ok: true, value: { content: [], totalElements: 0, totalPages: 0 } } }));
  const lockName = `ncg-sync-test-${crypto.randomUUID()}`;
  const options = { lockName, slowPollMs: 3_600_000, fastPollMs: 3_600_000 };
  const first = startSyncHost(bridge, db, options);
  await until(() => first.engine() !== undefined);
  const second = startSyncHost(bridge, db, options);
  // Give the second host every chance to start an engine it must not start.
  const held = await navigator.locks.query();
  expect(held.held?.filter((lock) => lock.name === lockName)).toHaveLength(1);
  expect(held.pending?.filter((lock) => lock.name === lockName)).toHaveLength(1);
  expect(second.engine()).toBeUndefined();

  first.dispose();
  await until(() => second.engine() !== undefined);
  expect(first.engine()).toBeUndefined();
  second.dispose();
});
