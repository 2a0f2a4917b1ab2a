import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftPhoto } from '../../../../shared/application/draft.ts';
import type { ImageType } from '../../../../shared/catalogue/dto.ts';
import { BlobImage } from '../../../app/components/BlobImage.tsx';
import { errorText } from '../../../app/errors.ts';
import { formatFileSize, formatMegabytes } from '../../../app/format.ts';
import { useDatabase } from '../../../db/context.tsx';
import { useStoredPhoto, type StoredPhoto } from '../../../db/hooks.ts';
import { storePreparedPhoto } from '../../../db/photos.ts';
import { minShorterSidePx } from '../../../workers/photo-checks.ts';
import { CataloguePhoto } from './CataloguePhoto.tsx';
import { intakePhoto, type PhotoRefusal } from './photo-intake.ts';

/** The element id the editor's problem links point at (`fieldId('photos.front')` → `field-photos-front`). */
export function photoSlotElementId(angle: ImageType): string {
  return `field-photos-${angle}`;
}

/** Why the photos cannot change now: being sent, or with the catalogue (moderation, published). */
export type PhotoLock = 'sending' | 'catalogue';

interface PhotoSlotProps {
  angle: ImageType;
  draftId: string;
  photo: DraftPhoto | undefined;
  /** FRONT and BACK of an extended card. */
  required: boolean;
  onStored: (photo: DraftPhoto) => void;
  onRemove: () => void;
  /** Set while the application may not change: drops are refused with this reason and the inputs are gone. */
  locked?: PhotoLock | undefined;
}

/** One angle: drop zone and file picker, thumbnail, facts, pre-check warnings, replace and remove. */
export function PhotoSlot({ angle, draftId, photo, required, onStored, onRemove, locked }: PhotoSlotProps) {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const input = useRef<HTMLInputElement>(null);
  const [preparing, setPreparing] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [lockedDrop, setLockedDrop] = useState(false);
  const [refusal, setRefusal] = useState<{ fileName: string; refusal: PhotoRefusal }>();
  const stored = useStoredPhoto(photo?.blobId);
  const angleName = t(`photos.angle.${angle}`);
  // A photo that finishes preparing after the editor was left is dropped, not stored: reporting it to an editor
  // that is gone would save that editor's older copy of the draft over newer edits.
  const shown = useRef(true);
  useEffect(() => {
    shown.current = true;
    return () => {
      shown.current = false;
    };
  }, []);

  const accept = async (file: File) => {
    setPreparing(true);
    setRefusal(undefined);
    try {
      const intake = await intakePhoto(file);
      if (!shown.current) return;
      if (!intake.ok) {
        setRefusal({ fileName: file.name, refusal: intake.refusal });
        return;
      }
      const blobId = await storePreparedPhoto(db, draftId, file, intake.prepared);
      if (shown.current) onStored({ blobId });
    } catch (error) {
      setRefusal({ fileName: file.name, refusal: { code: 'failed', cause: error } });
    } finally {
      setPreparing(false);
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (locked) {
      setLockedDrop(true);
      return;
    }
    const file = event.dataTransfer.files[0];
    if (file && !preparing) void accept(file);
  };

  const missingRequired = required && !photo;
  return (
    <div
      className={`photo-slot${dragging ? ' dragging' : ''}${missingRequired ? ' missing' : ''}`}
      id={photoSlotElementId(angle)}
      tabIndex={-1}
      data-testid={`photo-slot-${angle}`}
      aria-busy={preparing}
      onDragOver={(event) => {
        event.preventDefault();
        if (locked) {
          event.dataTransfer.dropEffect = 'none';
          setLockedDrop(true);
          return;
        }
        event.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <h3>
        {angleName}
        {required && <span className="photo-required"> · {t('photos.required')}</span>}
      </h3>
      {!locked && (
        <input
          ref={input}
          type="file"
          // image/* rather than jpeg/png only: a HEIC chosen by mistake then gets an explanation instead of being hidden.
          accept="image/*"
          hidden
          data-testid={`photo-input-${angle}`}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = ''; // choosing the same file again must fire again
            if (file) void accept(file);
          }}
        />
      )}
      {photo ? <PhotoView angleName={angleName} angle={angle} photo={photo} stored={stored} locale={i18n.language} /> : <p className="photo-drop">{t(locked ? 'photos.none' : 'photos.drop')}</p>}
      {locked && lockedDrop && (
        <p role="alert" className="photo-error" data-testid={`photo-locked-${angle}`}>
          {t(`photos.locked.${locked}`)}
        </p>
      )}
      {missingRequired && <p className="photo-missing">{t('photos.requiredMissing')}</p>}
      {preparing && (
        <p role="status" data-testid={`photo-preparing-${angle}`}>
          {t('photos.preparing')}
        </p>
      )}
      {refusal && (
        <p role="alert" className="photo-error" data-testid={`photo-error-${angle}`} data-code={refusal.refusal.code}>
          {t(`photos.errors.${refusal.refusal.code}`, { fileName: refusal.fileName, format: refusal.refusal.format ?? '', message: refusal.refusal.code === 'failed' ? t(errorText(refusal.refusal.cause).key) : '' })}{' '}
          {t('photos.errors.unchanged')}
        </p>
      )}
      {!locked && (
        <div className="photo-actions">
          <button type="button" disabled={preparing} onClick={() => input.current?.click()} data-testid={`photo-choose-${angle}`}>
            {photo ? t('photos.replace') : t('photos.choose')}
          </button>
          {photo && (
            <button type="button" disabled={preparing} onClick={onRemove} data-testid={`photo-remove-${angle}`}>
              {t('photos.remove')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function PhotoView({ angle, angleName, photo, stored, locale }: { angle: ImageType; angleName: string; photo: DraftPhoto; stored: StoredPhoto | null | undefined; locale: string }) {
  const { t } = useTranslation();
  // Known only by its catalogue file name (a UUID, which says nothing to the officer): shown by that name's image.
  if (!photo.blobId) return photo.fileName ? <CataloguePhoto angle={angle} angleName={angleName} fileName={photo.fileName} /> : null;
  if (stored === undefined) return <p>{t('ui.loading')}</p>;
  if (!stored?.upload) {
    // The local file is gone, but it was uploaded: the catalogue still has it.
    if (photo.fileName) return <CataloguePhoto angle={angle} angleName={angleName} fileName={photo.fileName} />;
    return (
      <p role="alert" className="photo-error">
        {t('photos.missingFile')}
      </p>
    );
  }
  const facts = stored.facts;
  return (
    <>
      <BlobImage blob={stored.thumbnail} alt={t('photos.thumbnailAlt', { angle: angleName })} className="photo-thumbnail" testId={`photo-thumbnail-${angle}`} />
      {facts && (
        <>
          <p className="photo-facts" data-testid={`photo-facts-${angle}`} data-bytes={facts.bytes} data-width={facts.width} data-height={facts.height}>
            {t('photos.facts', { width: facts.width, height: facts.height, size: formatFileSize(facts.bytes, locale), format: facts.mimeType === 'image/png' ? 'PNG' : 'JPEG' })}
          </p>
          {facts.reencoded && (
            <p className="photo-note" data-testid={`photo-reencoded-${angle}`} data-original-kept={stored.originalKept}>
              {t('photos.reencoded', { originalSize: formatMegabytes(facts.original.bytes, locale), originalWidth: facts.original.width, originalHeight: facts.original.height })}
            </p>
          )}
          {facts.checks.lowResolution && (
            <p className="photo-warning" data-testid={`photo-warning-resolution-${angle}`}>
              {t('photos.warnings.lowResolution', { shorter: Math.min(facts.checks.width, facts.checks.height), min: minShorterSidePx })}
            </p>
          )}
          {facts.checks.background.busy && (
            <p className="photo-warning" data-testid={`photo-warning-background-${angle}`}>
              {t('photos.warnings.busyBackground')}
            </p>
          )}
        </>
      )}
    </>
  );
}
