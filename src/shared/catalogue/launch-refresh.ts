/**
 * Whether the app downloads the catalogue's forms (schemas and dictionaries) by itself at launch. Only on a first
 * launch, i.e. while nothing was ever downloaded, and only once per launch; never while offline, while another
 * window of the app is downloading them, or when the chosen catalogue does not answer (then the forms' offer
 * stays, and the officer starts it when the network is back).
 *
 * Asked twice: first without knowing whether the catalogue answers (`probe` means "ask it"), then with the answer.
 */
export interface LaunchRefreshFacts {
  /** A refresh completed on this computer at some time (its date is stored). */
  everRefreshed: boolean;
  /** This launch already started (or decided against) one. */
  triedThisLaunch: boolean;
  /** The system says there is a network (`navigator.onLine`; false is reliable, true is not). */
  online: boolean;
  /** Another window of the app holds the refresh. */
  otherWindowRefreshing: boolean;
  /** Whether the chosen catalogue answered a cheap call; undefined while not asked yet. */
  catalogueAnswers: boolean | undefined;
}

export type LaunchRefreshDecision =
  | { action: 'start' }
  | { action: 'probe' }
  | { action: 'skip'; reason: 'refreshed-before' | 'tried-this-launch' | 'offline' | 'other-window' | 'unreachable' };

export function launchRefreshDecision(facts: LaunchRefreshFacts): LaunchRefreshDecision {
  if (facts.everRefreshed) return { action: 'skip', reason: 'refreshed-before' };
  if (facts.triedThisLaunch) return { action: 'skip', reason: 'tried-this-launch' };
  if (!facts.online) return { action: 'skip', reason: 'offline' };
  if (facts.otherWindowRefreshing) return { action: 'skip', reason: 'other-window' };
  if (facts.catalogueAnswers === undefined) return { action: 'probe' };
  return facts.catalogueAnswers ? { action: 'start' } : { action: 'skip', reason: 'unreachable' };
}
