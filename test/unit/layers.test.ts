import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The layer rules are only worth having if they fire: lint small offending snippets as if they lived in each layer. */
const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('layer rules', () => {
  it('keep the core free of Node, Electron, storage, DOM and our other layers', async () => {
    const file = 'src/shared/codes/offender.ts';
    expect(await ruleIds(file, "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toContain('no-restricted-imports');
    expect(await ruleIds(file, "import { app } from 'electron';\nexport const x = app;\n")).toContain('no-restricted-imports');
    expect(await ruleIds(file, "import Dexie from 'dexie';\nexport const x = Dexie;\n")).toContain('no-restricted-imports');
    expect(await ruleIds(file, "import { startSandbox } from '../../sandbox/server.ts';\nexport const x = startSandbox;\n")).toContain('no-restricted-imports');
    expect(await ruleIds(file, 'export const x = () => window.location.href;\n')).toContain('no-restricted-globals');
    expect(await ruleIds(file, 'export const x = () => process.env.HOME;\n')).toContain('no-restricted-globals');
    expect(await ruleIds(file, "import { z } from 'zod';\nexport const x = z.string();\n")).toEqual([]);
  });

  it('let only the two wrappers touch IPC', async () => {
    const code = "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n";
    expect(await ruleIds('src/main/somewhere.ts', code)).toContain('no-restricted-imports');
    expect(await ruleIds('src/main/bridge/ipc.ts', code)).toEqual([]);
    const pageCode = "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n";
    expect(await ruleIds('src/preload/other.ts', pageCode)).toContain('no-restricted-imports');
    expect(await ruleIds('src/preload/index.ts', pageCode)).toEqual([]);
  });

  it('keep the page away from Electron and Node, and every layer away from the page', async () => {
    expect(await ruleIds('src/renderer/app/offender.ts', "import { shell } from 'electron';\nexport const x = shell;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('src/renderer/app/offender.ts', "import { join } from 'node:path';\nexport const x = join;\n")).toContain('no-restricted-imports');
    const importsPage = "import { App } from '../renderer/app/App.tsx';\nexport const x = App;\n";
    for (const file of ['src/main/offender.ts', 'src/cli/offender.ts', 'src/sandbox/offender.ts', 'src/preload/other.ts']) {
      expect(await ruleIds(file, importsPage), file).toContain('no-restricted-imports');
    }
  });

  it('keep the sandbox away from the command line', async () => {
    const importsCli = "import { main } from '../cli/main.ts';\nexport const x = main;\n";
    expect(await ruleIds('src/sandbox/offender.ts', importsCli)).toContain('no-restricted-imports');
    expect(await ruleIds('src/sandbox/routes/offender.ts', "import { main } from '../../cli/main.ts';\nexport const x = main;\n")).toContain('no-restricted-imports');
    // The CLI may still start the sandbox.
    expect(await ruleIds('src/cli/offender.ts', "import { startSandbox } from '../sandbox/server.ts';\nexport const x = startSandbox;\n")).toEqual([]);
  });

  it('keep features apart: one feature never imports another, in any spelling of the path', async () => {
    const offenders: [string, string][] = [
      ['src/renderer/features/applications/offender.tsx', "import { ImportPage } from '../import/ImportPage.tsx';\nexport const x = ImportPage;\n"],
      ['src/renderer/features/applications/photos/offender.tsx', "import { LabelsPage } from '../../labels/LabelsPage.tsx';\nexport const x = LabelsPage;\n"],
      ['src/renderer/features/settings/offender.ts', "import { x as y } from '../../features/documents/document-form.ts';\nexport const x = y;\n"],
      ['src/renderer/features/import/offender.ts', "export { putDraftRecords } from '../applications/drafts-repository.ts';\n"],
      ['src/renderer/features/labels/offender.ts', "export * from '../inspection/InspectionPage.tsx';\n"],
      ['src/renderer/features/documents/offender.ts', "export const load = () => import('../settings/SettingsPage.tsx');\n"],
    ];
    for (const [file, code] of offenders) expect(await ruleIds(file, code), file).toContain('layers/features-apart');

    // Within a feature, and from a feature to the shell, the data layer and the core, imports are fine.
    const allowed: [string, string][] = [
      ['src/renderer/features/applications/offender.tsx', "import { fieldId } from './AttributeField.tsx';\nexport const x = fieldId;\n"],
      ['src/renderer/features/applications/photos/offender.tsx', "import { fieldId } from '../AttributeField.tsx';\nexport const x = fieldId;\n"],
      ['src/renderer/features/documents/offender.ts', "import { useRegister } from '../../db/hooks.ts';\nimport { routeHref } from '../../app/router.ts';\nimport { attributeCodes } from '../../../shared/application/attribute-codes.ts';\nexport const x = [useRegister, routeHref, attributeCodes];\n"],
    ];
    for (const [file, code] of allowed) expect(await ruleIds(file, code), file).toEqual([]);
    // The shell composes features.
    expect(await ruleIds('src/renderer/app/offender.tsx', "import { ImportPage } from '../features/import/ImportPage.tsx';\nexport const x = ImportPage;\n")).toEqual([]);
  });

  it('keep Dexie out of features: they go through the data layer', async () => {
    expect(await ruleIds('src/renderer/features/documents/offender.ts', "import { useLiveQuery } from 'dexie-react-hooks';\nexport const x = useLiveQuery;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('src/renderer/features/documents/offender.ts', "import Dexie from 'dexie';\nexport const x = Dexie;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('src/renderer/db/offender.ts', "import { useLiveQuery } from 'dexie-react-hooks';\nexport const x = useLiveQuery;\n")).toEqual([]);
  });
});
