/**
 * The print queue as plain data: what the warehouse has scanned, in print order. Pure functions only; the
 * page stores the queue through its data layer (src/renderer/db/label-queue.ts).
 */
import { z } from 'zod';
import type { LabelProduct } from './product.ts';
import { DEFAULT_MAX_COPIES } from './records.ts';

/** A stored product record (`LabelProduct`), checked field by field when the queue is read back. */
export const labelProductSchema = z.object({
  /** The NTIN or GTIN to print, as chosen by the user. */
  code: z.string().min(1).max(20),
  nameKk: z.string().max(1000),
  nameRu: z.string().max(1000),
  quantity: z.string().max(100),
  unit: z.string().max(100),
  producer: z.string().max(1000),
  country: z.string().max(300),
  copies: z.number().int().min(1).max(DEFAULT_MAX_COPIES),
}) satisfies z.ZodType<LabelProduct>;

export const queueEntrySchema = labelProductSchema.extend({ id: z.string().min(1).max(100) });
export type QueueEntry = LabelProduct & { readonly id: string };

/**
 * Reads a stored queue. Entries that no longer match the shape (an older version, a hand-edited database) are
 * dropped one by one rather than losing the whole queue.
 */
export function parseQueue(value: unknown): QueueEntry[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry): QueueEntry[] => {
    const parsed = queueEntrySchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

function sameProduct(a: LabelProduct, b: LabelProduct): boolean {
  return a.code === b.code && a.nameKk === b.nameKk && a.nameRu === b.nameRu && a.quantity === b.quantity && a.unit === b.unit
    && a.producer === b.producer && a.country === b.country;
}

/**
 * Adds a product at the end. Scanning the same product again adds its copies to the entry already queued
 * (capped at the core's maximum), so a second scan never prints a second, separate run of the same label.
 */
export function addToQueue(queue: readonly QueueEntry[], record: LabelProduct, newId: string): QueueEntry[] {
  const index = queue.findIndex((entry) => sameProduct(entry, record));
  if (index < 0) return [...queue, { ...record, id: newId }];
  return queue.map((entry, i) => (i === index ? { ...entry, copies: Math.min(DEFAULT_MAX_COPIES, entry.copies + record.copies) } : entry));
}

/** Moves an entry up (negative) or down (positive); moves past either end stop there. */
export function moveEntry(queue: readonly QueueEntry[], id: string, delta: number): QueueEntry[] {
  const from = queue.findIndex((entry) => entry.id === id);
  if (from < 0) return [...queue];
  const to = Math.max(0, Math.min(queue.length - 1, from + delta));
  const next = [...queue];
  const [moved] = next.splice(from, 1);
  if (moved) next.splice(to, 0, moved);
  return next;
}

export function removeEntry(queue: readonly QueueEntry[], id: string): QueueEntry[] {
  return queue.filter((entry) => entry.id !== id);
}

/** Sets an entry's copies; a value outside 1…max is refused (the queue comes back unchanged). */
export function setCopies(queue: readonly QueueEntry[], id: string, copies: number): QueueEntry[] {
  if (!isValidCopies(copies)) return [...queue];
  return queue.map((entry) => (entry.id === id ? { ...entry, copies } : entry));
}

export function isValidCopies(copies: number): boolean {
  return Number.isInteger(copies) && copies >= 1 && copies <= DEFAULT_MAX_COPIES;
}

export function totalLabels(queue: readonly QueueEntry[]): number {
  return queue.reduce((sum, entry) => sum + entry.copies, 0);
}

/** The products of the queue as the renderer takes them (without the queue's ids). */
export function queueProducts(queue: readonly QueueEntry[]): LabelProduct[] {
  return queue.map(({ id: _id, ...product }) => product);
}
