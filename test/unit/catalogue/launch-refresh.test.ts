import { describe, expect, it } from 'vitest';
import { launchRefreshDecision, type LaunchRefreshFacts } from '../../../src/shared/catalogue/launch-refresh.ts';

/** A first launch with a network, nothing else running, the catalogue not asked yet. */
const firstLaunch: LaunchRefreshFacts = { everRefreshed: false, triedThisLaunch: false, online: true, otherWindowRefreshing: false, catalogueAnswers: undefined };

describe('the refresh of the catalogue forms at launch', () => {
  it('on a first launch asks the catalogue first, then starts only when it answered', () => {
    expect(launchRefreshDecision(firstLaunch)).toEqual({ action: 'probe' });
    expect(launchRefreshDecision({ ...firstLaunch, catalogueAnswers: true })).toEqual({ action: 'start' });
    expect(launchRefreshDecision({ ...firstLaunch, catalogueAnswers: false })).toEqual({ action: 'skip', reason: 'unreachable' });
  });

  it('never once the forms were downloaded, whatever else holds', () => {
    expect(launchRefreshDecision({ ...firstLaunch, everRefreshed: true })).toEqual({ action: 'skip', reason: 'refreshed-before' });
    expect(launchRefreshDecision({ ...firstLaunch, everRefreshed: true, catalogueAnswers: true })).toEqual({ action: 'skip', reason: 'refreshed-before' });
  });

  it('once per launch: a second look (a remount, a failure) starts nothing', () => {
    expect(launchRefreshDecision({ ...firstLaunch, triedThisLaunch: true, catalogueAnswers: true })).toEqual({ action: 'skip', reason: 'tried-this-launch' });
  });

  it('not while offline: the catalogue is not even asked', () => {
    expect(launchRefreshDecision({ ...firstLaunch, online: false })).toEqual({ action: 'skip', reason: 'offline' });
    expect(launchRefreshDecision({ ...firstLaunch, online: false, catalogueAnswers: true })).toEqual({ action: 'skip', reason: 'offline' });
  });

  it('not while another window downloads them (two refreshes would remove each other’s entries)', () => {
    expect(launchRefreshDecision({ ...firstLaunch, otherWindowRefreshing: true })).toEqual({ action: 'skip', reason: 'other-window' });
    expect(launchRefreshDecision({ ...firstLaunch, otherWindowRefreshing: true, catalogueAnswers: true })).toEqual({ action: 'skip', reason: 'other-window' });
  });
});
