import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationDraft, DraftPhoto } from '../../../../shared/application/draft.ts';
import { imageTypes, type ImageType } from '../../../../shared/catalogue/dto.ts';
import { useFileDropGuard } from '../../../app/components/use-file-drop-guard.ts';
import { useDatabase } from '../../../db/context.tsx';
import { removeUnreferencedPhotoBlobs } from '../../../db/photos.ts';
import { PhotoSlot, type PhotoLock } from './PhotoSlot.tsx';
import './photos.css';

type Photos = ApplicationDraft['photos'];

/** FRONT and BACK are required on an extended card (catalogue-api §5.4); validateDraft reports them too. */
const requiredOnExtendedCard: readonly ImageType[] = ['front', 'back'];

/**
 * The six angle slots of a draft. Photos are stored as blobs owned by the draft; the draft itself only holds
 * `{ blobId }` per angle, changed through `onChange`.
 */
export function PhotoSlots({ draft, onChange, locked }: { draft: ApplicationDraft; onChange: (photos: Photos) => void; locked?: PhotoLock | undefined }) {
  const { t } = useTranslation();
  const db = useDatabase();
  useFileDropGuard();

  // Several photos may finish preparing in any order: each change starts from the newest photos, not from the
  // props of the render that started it.
  const latestPhotos = useRef(draft.photos);
  useEffect(() => {
    latestPhotos.current = draft.photos;
  }, [draft.photos]);
  const setPhoto = (angle: ImageType, photo: DraftPhoto | undefined) => {
    const { [angle]: _previous, ...others } = latestPhotos.current;
    const next: Photos = photo ? { ...others, [angle]: photo } : others;
    latestPhotos.current = next;
    onChange(next);
  };

  // Rows left by photos replaced or removed in an earlier session (kept until now for undo).
  const draftId = draft.id;
  useEffect(() => {
    void removeUnreferencedPhotoBlobs(db, draftId, latestPhotos.current);
  }, [db, draftId]);

  return (
    <section aria-labelledby="photos-title" className="photo-section" data-testid="photo-slots">
      <h2 id="photos-title">{t('photos.title')}</h2>
      <p className="photo-intro">{t('photos.intro')}</p>
      {locked && (
        <p className="notice" data-testid="photos-locked">
          {t(`photos.locked.${locked}`)}
        </p>
      )}
      <div className="photo-grid">
        {imageTypes.map((angle) => (
          <PhotoSlot
            key={angle}
            angle={angle}
            draftId={draft.id}
            photo={draft.photos[angle]}
            required={draft.isGov && requiredOnExtendedCard.includes(angle)}
            onStored={(photo) => setPhoto(angle, photo)}
            onRemove={() => setPhoto(angle, undefined)}
            locked={locked}
          />
        ))}
      </div>
    </section>
  );
}
