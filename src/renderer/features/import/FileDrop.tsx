import { useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** What the file picker offers; anything else dropped is still read, and refused with a reason. */
const accepted = '.csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file input that is also a drop target for one file. */
export function FileDrop({ onFile }: { onFile: (file: File) => void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const [dragging, setDragging] = useState(false);

  const take = (files: FileList | null) => {
    const file = files?.[0];
    if (file) onFile(file);
  };
  const over = (event: DragEvent) => {
    // Without preventDefault the browser would open the dropped file itself, leaving the app.
    event.preventDefault();
    setDragging(true);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    take(event.dataTransfer.files);
  };

  return (
    <div className={`file-drop${dragging ? ' dragging' : ''}`} onDragOver={over} onDragEnter={over} onDragLeave={() => setDragging(false)} onDrop={drop} data-testid="file-drop">
      <label htmlFor={inputId} className="button">
        {t('importer.choose.button')}
      </label>
      <input
        id={inputId}
        type="file"
        accept={accepted}
        aria-label={t('importer.choose.label')}
        data-testid="import-file"
        className="visually-hidden"
        onChange={(event) => {
          take(event.target.files);
          // The same file chosen again (after fixing it) must fire another change.
          event.target.value = '';
        }}
      />
      <span>{dragging ? t('importer.choose.dropActive') : t('importer.choose.drop')}</span>
      <p className="hint">{t('importer.choose.formats')}</p>
    </div>
  );
}
