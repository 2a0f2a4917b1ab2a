import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../db/context.tsx';
import { markImportReported, recoverInterruptedImports, useImportsToReport } from '../../db/import-batches.ts';

/**
 * On start, undoes the imports a reload or crash cut off (db/import-batches.ts) and says so, once, in the
 * officer's language; later rollbacks (the import page left while importing) show up live. Mounted by the
 * app's shell, so it shows whichever page is open.
 */
export function InterruptedImports() {
  const { t } = useTranslation();
  const db = useDatabase();
  const reports = useImportsToReport();

  useEffect(() => {
    void recoverInterruptedImports(db).catch(() => undefined);
  }, [db]);

  if (!reports || reports.length === 0) return null;
  const dismiss = (id: string) => void markImportReported(db, id).catch(() => undefined);
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
