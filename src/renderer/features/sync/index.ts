/** The sync feature: the engine host (one per profile), its provider and the sync panel. */
export { SyncPanel } from './SyncPanel.tsx';
export { SyncProvider, useEngineSnapshot, useSyncHost } from './SyncProvider.tsx';
export { startSyncHost, type SyncHost, type SyncHostOptions } from './sync-host.ts';
