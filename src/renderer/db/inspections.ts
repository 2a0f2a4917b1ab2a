/**
 * Inspections (table `inspections`, schema v5) and the Inspection screen's live views of its data: the catalogue
 * copy's state and the copy-age limit. Every change of an inspection is one transaction: a reload or a crash
 * loses at most the keystroke being typed.
 */
import type { EntityTable } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { defaultFineTables, fineTablesSchema, inspectionSearchWords, type FineTables, type Inspection } from '../../shared/inspection/index.ts';
import { readCopyState, type CopyState } from './catalogue-copy.ts';
import { useDatabase } from './context.tsx';
import type { NcgDatabase } from './database.ts';
import { readSetting, writeSetting } from './settings.ts';

export interface InspectionRecord extends Inspection {
  searchWords: string[];
}

declare module './database.ts' {
  interface NcgTables {
    inspections: EntityTable<InspectionRecord, 'id'>;
  }
}

const currentKey = 'inspection.current';
const staleDaysKey = 'inspection.staleDays';
const fineTablesKey = 'inspection.fineTables';
export const defaultStaleDays = 7;

function toRecord(inspection: Inspection): InspectionRecord {
  const { searchWords: _ignored, ...plain } = inspection as InspectionRecord;
  return { ...plain, searchWords: inspectionSearchWords(plain) };
}

/** Creates an inspection and makes it the current one. */
export async function createInspection(db: NcgDatabase, inspection: Inspection): Promise<void> {
  await db.transaction('rw', db.inspections, db.settings, async () => {
    await db.inspections.add(toRecord(inspection));
    await writeSetting(db, currentKey, inspection.id);
  });
}

/** Applies one change to a stored inspection, atomically; `updatedAt` moves. */
export async function changeInspection(db: NcgDatabase, id: string, change: (inspection: Inspection) => Inspection): Promise<void> {
  await db.transaction('rw', db.inspections, async () => {
    const stored = await db.inspections.get(id);
    if (!stored) return;
    await db.inspections.put(toRecord({ ...change(stored), updatedAt: new Date().toISOString() }));
  });
}

export async function setCurrentInspection(db: NcgDatabase, id: string | undefined): Promise<void> {
  await writeSetting(db, currentKey, id ?? null);
}

export async function getInspection(db: NcgDatabase, id: string): Promise<Inspection | undefined> {
  return db.inspections.get(id);
}

/** Inspections matching every word typed (prefixes), newest change first. */
export async function listInspections(db: NcgDatabase, query: string): Promise<InspectionRecord[]> {
  const words = query.toLocaleLowerCase('ru').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const all = await db.inspections.orderBy('updatedAt').reverse().toArray();
  if (words.length === 0) return all;
  return all.filter((record) => words.every((word) => record.searchWords.some((candidate) => candidate.startsWith(word))));
}

// ---- live views

export function useCopyState(): CopyState | undefined {
  const db = useDatabase();
  return useLiveQuery(() => readCopyState(db), [db]);
}

export function useStaleDays(): number {
  const db = useDatabase();
  const value = useLiveQuery(() => readSetting(db, staleDaysKey), [db]);
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : defaultStaleDays;
}

export function saveStaleDays(db: NcgDatabase, days: number): Promise<void> {
  return writeSetting(db, staleDaysKey, days);
}

/** The inspection in progress (undefined while reading, null when none). */
export function useCurrentInspection(): Inspection | null | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const id = await readSetting(db, currentKey);
    return typeof id === 'string' ? ((await db.inspections.get(id)) ?? null) : null;
  }, [db]);
}

export function useInspectionList(query: string): InspectionRecord[] | undefined {
  const db = useDatabase();
  return useLiveQuery(() => listInspections(db, query), [db, query]);
}

/** The fine tables in force: the stored ones, else the defaults (data, see fine-defaults.ts). */
export async function readFineTables(db: NcgDatabase): Promise<FineTables> {
  const parsed = fineTablesSchema.safeParse(await readSetting(db, fineTablesKey));
  return parsed.success ? parsed.data : defaultFineTables;
}

export function useFineTables(): FineTables | undefined {
  const db = useDatabase();
  return useLiveQuery(() => readFineTables(db), [db]);
}

/** Puts tables in force (undefined: back to the defaults). Only whole, valid tables are stored: a caller checks them first. */
export async function saveFineTables(db: NcgDatabase, tables: FineTables | undefined): Promise<void> {
  await writeSetting(db, fineTablesKey, tables === undefined ? null : fineTablesSchema.parse(tables));
}

// ---- photos of product lines (table `blobs`, owner = the inspection)

export const maxInspectionPhotoBytes = 15 * 1024 * 1024;
export const inspectionPhotoTypes = ['image/jpeg', 'image/png'] as const;

/** Stores a photo of one line and lists it on the line, in one transaction. */
export async function addItemPhoto(db: NcgDatabase, inspectionId: string, itemId: string, photo: Blob): Promise<string> {
  const id = `inspection-photo:${crypto.randomUUID()}`;
  await db.transaction('rw', db.inspections, db.blobs, async () => {
    const stored = await db.inspections.get(inspectionId);
    if (!stored) return;
    await db.blobs.put({ id, ownerId: inspectionId, mimeType: photo.type, data: photo });
    const items = stored.items.map((item) => (item.id === itemId ? { ...item, photos: [...(item.photos ?? []), id] } : item));
    await db.inspections.put(toRecord({ ...stored, items, updatedAt: new Date().toISOString() }));
  });
  return id;
}

export async function removeItemPhoto(db: NcgDatabase, inspectionId: string, itemId: string, photoId: string): Promise<void> {
  await db.transaction('rw', db.inspections, db.blobs, async () => {
    const stored = await db.inspections.get(inspectionId);
    if (!stored) return;
    await db.blobs.delete(photoId);
    const items = stored.items.map((item) => (item.id === itemId ? { ...item, photos: (item.photos ?? []).filter((id) => id !== photoId) } : item));
    await db.inspections.put(toRecord({ ...stored, items, updatedAt: new Date().toISOString() }));
  });
}

export async function readInspectionPhotos(db: NcgDatabase, ids: readonly string[]): Promise<{ id: string; mimeType: string; data: Blob }[]> {
  const records = await db.blobs.bulkGet([...ids]);
  return records.flatMap((record) => (record ? [{ id: record.id, mimeType: record.mimeType, data: record.data }] : []));
}

export function useInspectionPhoto(id: string): Blob | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => (await db.blobs.get(id))?.data, [db, id]);
}
