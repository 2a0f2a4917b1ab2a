import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../db/context.tsx';
import { importsToReport, markImportReported, recoverInterruptedImports, type ImportBatchRecord } from '../../db/import-batches.ts';

/**
 * On start, undoes the imports a reload or crash cut off (db/import-batches.ts) and says so, once, in the
 * officer's language. Mounted by the import page, and meant for the app's shell so it shows whichever page
 * opens first.
 */
export function InterruptedImports() {
  const { t } = useTranslation();
  const db = useDatabase();
  const [reports, setReports] = useState<ImportBatchRecord[]>([]);

  useEffect(() => {
    let live = true;
    void (async () => {
      await recoverInterruptedImports(db);
      const found = await importsToReport(db);
      if (live) setReports(found);
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [db]);

  if (reports.length === 0) return null;
  const dismiss = (id: string) => {
    setReports((current) => current.filter((report) => report.id !== id));
    void markImportReported(db, id).catch(() => undefined);
  };
  return (
    <>
      {reports.map((report) => (
        <div key={report.id} className="notice" role="alert" data-testid="import-rolled-back">
          <strong>{t('importer.interrupted.title')}</strong>
          <p>{t('importer.interrupted.rolledBack', { fileName: report.fileName, count: report.rollback?.removed ?? 0 })}</p>
          <button type="button" onClick={() => dismiss(report.id)}>
            {t('importer.interrupted.dismiss')}
          </button>
        </div>
      ))}
    </>
  );
}
