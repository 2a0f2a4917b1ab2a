import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge } from '../../app/bridge-context.tsx';
import { useDatabase } from '../../db/context.tsx';
import { startSyncHost, type SyncHost, type SyncHostOptions } from './sync-host.ts';

const SyncContext = createContext<SyncHost | undefined>(undefined);

/**
 * Starts the page's sync host for the app's lifetime (one engine per profile, see sync-host.ts) and tells
 * the officer, with the platform's notification, when an application needs them.
 */
export function SyncProvider({ children, options }: { children: ReactNode; options?: SyncHostOptions }) {
  const bridge = useBridge();
  const db = useDatabase();
  const { t } = useTranslation();
  const [host, setHost] = useState<SyncHost>();
  useEffect(() => {
    const started = startSyncHost(bridge, db, {
      ...options,
      onNeedsOfficer: (record) => {
        if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
        const name = record.job.body.attributes.find((attribute) => attribute.code === 'name_ru')?.value ?? record.applicationId;
        new Notification(t('sync.ui.notifyTitle'), { body: name, tag: `ncg-sync-${record.applicationId}` });
      },
    });
    // The host is an external system this effect starts (and StrictMode's second mount restarts): publish it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setHost(started);
    return () => started.dispose();
    // The host lives as long as the bridge and the database; options and the translator are read once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bridge, db]);
  return <SyncContext.Provider value={host}>{children}</SyncContext.Provider>;
}

export function useSyncHost(): SyncHost | undefined {
  return useContext(SyncContext);
}

const noSubscription = () => () => {};

/** The engine's live state in this window (undefined when another window runs it). */
export function useEngineSnapshot() {
  const host = useSyncHost();
  return useSyncExternalStore(host ? host.subscribe : noSubscription, () => host?.snapshot());
}
