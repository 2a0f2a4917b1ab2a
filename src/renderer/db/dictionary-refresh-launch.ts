/**
 * The download of the catalogue's forms that a first launch starts by itself (issue 12: no dead end before the
 * first refresh). The rule is `launchRefreshDecision`; this gathers its facts, and asks the catalogue only when
 * the rest allows a start. It runs through the page's one runner, holding the refresh lock of all windows, so
 * a tab opened beside one already downloading starts nothing.
 */
import type { Bridge } from '../../shared/bridge.ts';
import { launchRefreshDecision, type LaunchRefreshDecision } from '../../shared/catalogue/launch-refresh.ts';
import { callCatalogue } from '../../shared/catalogue-call.ts';
import type { NcgDatabase } from './database.ts';
import { dictionaryRefreshRunner, refreshLockHeld, type DictionaryRefreshRunner } from './dictionary-refresh-runner.ts';
import { lastDictionaryRefreshKey, readSetting } from './settings.ts';

/** Each page's launch decision (its runner is the page's): once per page load, whatever mounts twice. */
const launches = new WeakMap<DictionaryRefreshRunner, Promise<LaunchRefreshDecision>>();

/** The cheapest call the refresh makes anyway: the catalogue's list of dictionaries. */
async function catalogueAnswers(bridge: Bridge): Promise<boolean> {
  try {
    await callCatalogue(bridge, 'getAllDictionaries', {});
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts the refresh when the rule says so, and resolves once it is decided and, if started, ended (its outcome
 * is in the runner's state). `online` defaults to the browser's own flag. Called again on the same page, it is
 * the same decision.
 */
export function refreshAtFirstLaunch(bridge: Bridge, db: NcgDatabase, environment: { online?: boolean } = {}): Promise<LaunchRefreshDecision> {
  const runner = dictionaryRefreshRunner(bridge, db);
  let launch = launches.get(runner);
  if (!launch) launches.set(runner, (launch = decideAndStart(runner, bridge, db, environment)));
  return launch;
}

async function decideAndStart(runner: DictionaryRefreshRunner, bridge: Bridge, db: NcgDatabase, environment: { online?: boolean }): Promise<LaunchRefreshDecision> {
  // A refresh this page already ran or runs (started before the shell asked) is this launch's one.
  const triedThisLaunch = runner.snapshot().state !== 'idle';
  const facts = {
    everRefreshed: (await readSetting(db, lastDictionaryRefreshKey)) !== undefined,
    triedThisLaunch,
    online: environment.online ?? (typeof navigator === 'undefined' || navigator.onLine),
    otherWindowRefreshing: await refreshLockHeld(),
    catalogueAnswers: undefined,
  };
  let decision = launchRefreshDecision(facts);
  if (decision.action !== 'probe') return decision;
  // Another window may take the lock (or finish a refresh) in between: decided again while holding it.
  decision = { action: 'skip', reason: 'other-window' };
  await runner.start({
    otherWindow: 'skip',
    onlyIf: async () => {
      const now = { ...facts, everRefreshed: (await readSetting(db, lastDictionaryRefreshKey)) !== undefined };
      decision = launchRefreshDecision(now);
      if (decision.action === 'probe') decision = launchRefreshDecision({ ...now, catalogueAnswers: await catalogueAnswers(bridge) });
      return decision.action === 'start';
    },
  });
  return decision;
}
