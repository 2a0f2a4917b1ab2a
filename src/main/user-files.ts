/**
 * Small JSON files in the user's data folder (connection settings, sealed secrets, confirmed printers).
 * Writes go to a temporary file renamed over the old one, so a crash mid-write leaves the old file whole.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SettingsFile } from './catalogue-connection.ts';

export function userFile(folder: string, name: string, now: () => Date = () => new Date()): SettingsFile {
  const path = join(folder, name);
  return {
    read: () => readFile(path, 'utf8').catch(() => undefined),
    async write(contents) {
      const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(temporary, contents, { mode: 0o600 });
      await rename(temporary, path);
    },
    async setAside() {
      // `connection.json.unreadable-2026-11-28T05-12-00-000Z`: sortable, and valid on every desktop OS.
      const stamp = now().toISOString().replace(/[:.]/g, '-');
      const setAsideAs = `${name}.unreadable-${stamp}`;
      await rename(path, join(folder, setAsideAs));
      return setAsideAs;
    },
  };
}
