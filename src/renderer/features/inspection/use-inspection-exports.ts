import { useState } from 'react';
import { useTranslation } from 'react-i18next';
// Vite copies the TTFs into the build and gives their URLs (same origin, CSP 'self').
import boldFontUrl from '../../../../resources/fonts/DejaVuSans-Bold.ttf?url';
import regularFontUrl from '../../../../resources/fonts/DejaVuSans.ttf?url';
import { isLocale } from '../../../shared/i18n/locales.ts';
import { estimateFine, violationCount, type Inspection } from '../../../shared/inspection/index.ts';
import type { ActPhoto, renderActPdf } from '../../../shared/inspection/act-pdf.ts';
import type { inspectionWorkbook } from '../../../shared/inspection/xlsx.ts';
import { useBridge } from '../../app/bridge-context.tsx';
import { useDatabase } from '../../db/context.tsx';
import { readInspectionPhotos, useFineTables } from '../../db/inspections.ts';

async function fontBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`font: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * The act's code and fonts, fetched once when the Inspection screen opens: the inspector is often offline by
 * the time the act is made, and the web twin cannot fetch them then.
 */
let actAssets: Promise<{ render: typeof renderActPdf; regular: Uint8Array; bold: Uint8Array }> | undefined;
let workbookModule: Promise<{ inspectionWorkbook: typeof inspectionWorkbook }> | undefined;

function loadActAssets() {
  actAssets ??= Promise.all([import('../../../shared/inspection/act-pdf.ts'), fontBytes(regularFontUrl), fontBytes(boldFontUrl)]).then(([module, regular, bold]) => ({ render: module.renderActPdf, regular, bold }));
  // A failed load (offline at first open) is tried again next time.
  actAssets.catch(() => {
    actAssets = undefined;
  });
  return actAssets;
}

function loadWorkbookModule() {
  workbookModule ??= import('../../../shared/inspection/xlsx.ts');
  workbookModule.catch(() => {
    workbookModule = undefined;
  });
  return workbookModule;
}

/** Starts fetching what the act and the XLSX export need (call when the Inspection screen opens). */
export function preloadExports(): void {
  void loadActAssets().catch(() => undefined);
  void loadWorkbookModule().catch(() => undefined);
}

function fileStem(inspection: Inspection): string {
  const name = inspection.organisation.idNumber || inspection.organisation.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 40) || 'inspection';
  return `act-${name}-${inspection.date}`;
}

/** The act PDF (saved or printed at actual size) and the XLSX export of an inspection. */
export function useInspectionExports() {
  const { t, i18n } = useTranslation();
  const bridge = useBridge();
  const db = useDatabase();
  const tables = useFineTables();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const guarded = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (caught) {
      setError(t('inspectionUi.copyErrors.failed') + (caught instanceof Error ? ` (${caught.name})` : ''));
    } finally {
      setBusy(false);
    }
  };

  const actBytes = async (inspection: Inspection) => {
    const { render, regular, bold } = await loadActAssets();
    const fine = tables ? estimateFine(tables, { entityCategory: inspection.organisation.category, offence: inspection.offence, date: inspection.date, violations: violationCount(inspection.items) }) : ({ kind: 'none' } as const);
    const photos: ActPhoto[] = [];
    for (const [itemIndex, item] of inspection.items.entries()) {
      for (const photo of await readInspectionPhotos(db, item.photos ?? [])) photos.push({ itemIndex, mimeType: photo.mimeType, bytes: new Uint8Array(await photo.data.arrayBuffer()) });
    }
    return render(inspection, { regular, bold }, fine, tables?.source, photos);
  };

  return {
    busy,
    error,
    act: (inspection: Inspection) =>
      guarded(async () => {
        await bridge.files.save({ suggestedName: `${fileStem(inspection)}.pdf`, mimeType: 'application/pdf', bytes: new Uint8Array(await actBytes(inspection)) });
      }),
    print: (inspection: Inspection) =>
      guarded(async () => {
        await bridge.print.pdf({ bytes: new Uint8Array(await actBytes(inspection)), pageWidthMm: 210, pageHeightMm: 297 });
      }),
    xlsx: (inspection: Inspection) =>
      guarded(async () => {
        const workbook = await loadWorkbookModule();
        const bytes = new Uint8Array(await workbook.inspectionWorkbook(inspection, isLocale(i18n.language) ? i18n.language : 'ru'));
        await bridge.files.save({ suggestedName: `${fileStem(inspection)}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes });
      }),
  };
}
