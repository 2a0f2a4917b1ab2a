import { useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { pickedFromDrop, pickedFromInput, type PickedFile } from './folder-files.ts';

/** What the file picker offers; anything else dropped is still read, and refused with a reason. */
const accepted = '.csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A file input that is also a drop target: one spreadsheet, or a folder (picked, or dropped with the sheet and
 * its photos and PDFs) whose spreadsheet is read with the files it names.
 */
export function FileDrop({ onFile, onPicked }: { onFile: (file: File) => void; onPicked: (picked: PickedFile[]) => void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const folderId = useId();
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
    const items = Array.from(event.dataTransfer.items);
    const single = items.length <= 1 && !items.some((item) => item.webkitGetAsEntry()?.isDirectory === true);
    if (single) take(event.dataTransfer.files);
    // Entries must be taken while the drop event lasts: pickedFromDrop does so before its first await.
    else void pickedFromDrop(event.dataTransfer).then(onPicked);
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
      <label htmlFor={folderId} className="button">
        {t('importer.choose.folder')}
      </label>
      <input
        id={folderId}
        type="file"
        multiple
        aria-label={t('importer.choose.folderLabel')}
        data-testid="import-folder"
        className="visually-hidden"
        // React does not know the attribute; Chromium (and so Electron) picks a whole folder with it.
        ref={(input) => input?.setAttribute('webkitdirectory', '')}
        onChange={(event) => {
          onPicked(pickedFromInput(event.target.files));
          event.target.value = '';
        }}
      />
      <span>{dragging ? t('importer.choose.dropActive') : t('importer.choose.drop')}</span>
      <p className="hint">{t('importer.choose.formats')}</p>
      <p className="hint">{t('importer.choose.folderHint')}</p>
    </div>
  );
}
