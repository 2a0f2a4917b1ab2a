import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BlobImage } from '../../app/components/BlobImage.tsx';
import { useDatabase } from '../../db/context.tsx';
import { addItemPhoto, inspectionPhotoTypes, maxInspectionPhotoBytes, removeItemPhoto, useInspectionPhoto } from '../../db/inspections.ts';

function Thumbnail({ id, onRemove, editable }: { id: string; onRemove: () => void; editable: boolean }) {
  const { t } = useTranslation();
  const blob = useInspectionPhoto(id);
  return (
    <span className="item-photo" data-testid="item-photo">
      <BlobImage blob={blob} alt="" />
      {editable ? (
        <button type="button" onClick={onRemove} aria-label={t('inspectionUi.session.removePhoto')}>
          ✕
        </button>
      ) : null}
    </span>
  );
}

/** The photos of one product line: taken with the device's camera (where the browser offers it) or chosen from files. */
export function ItemPhotos({ inspectionId, itemId, photos, editable }: { inspectionId: string; itemId: string; photos: readonly string[]; editable: boolean }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const [problem, setProblem] = useState<string | undefined>();
  const onFiles = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    setProblem(undefined);
    for (const file of files) {
      if (!(inspectionPhotoTypes as readonly string[]).includes(file.type)) {
        setProblem('inspectionUi.session.photoBadType');
        continue;
      }
      if (file.size > maxInspectionPhotoBytes) {
        setProblem('inspectionUi.session.photoTooLarge');
        continue;
      }
      await addItemPhoto(db, inspectionId, itemId, file);
    }
  };
  return (
    <div className="item-photos">
      {photos.map((id) => (
        <Thumbnail key={id} id={id} editable={editable} onRemove={() => void removeItemPhoto(db, inspectionId, itemId, id)} />
      ))}
      {editable ? (
        <label className="button-like" title={t('inspectionUi.session.addPhoto')}>
          {t('inspectionUi.session.addPhotoShort')}
          <input type="file" accept="image/jpeg,image/png" capture="environment" multiple hidden onChange={(event) => void onFiles(event)} data-testid="item-photo-input" aria-label={t('inspectionUi.session.addPhoto')} />
        </label>
      ) : null}
      {problem ? (
        <span className="field-problem" role="alert">
          {t(problem, { max: Math.round(maxInspectionPhotoBytes / 1024 / 1024) })}
        </span>
      ) : null}
    </div>
  );
}
