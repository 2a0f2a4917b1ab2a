import { createContext, useContext, type ReactNode } from 'react';
import { appDatabase, type NcgDatabase } from './database.ts';

const DatabaseContext = createContext<NcgDatabase | undefined>(undefined);

/** Hands the page's components their database; a test renders them over a scratch one. */
export function DatabaseProvider({ database, children }: { database: NcgDatabase; children: ReactNode }) {
  return <DatabaseContext.Provider value={database}>{children}</DatabaseContext.Provider>;
}

/**
 * The database for this component, to pass to the repositories of `db/` (features never call Dexie themselves).
 * Without a provider, the page's own database.
 */
export function useDatabase(): NcgDatabase {
  return useContext(DatabaseContext) ?? appDatabase();
}
