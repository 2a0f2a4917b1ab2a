import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ImageType } from '../../../../shared/catalogue/dto.ts';
import { useBridge } from '../../../app/bridge-context.tsx';
import { BlobImage } from '../../../app/components/BlobImage.tsx';
import { errorText } from '../../../app/errors.ts';
import { useDatabase } from '../../../db/context.tsx';
import { CataloguePhotoFailure, loadCataloguePhoto } from './catalogue-photo.ts';

/**
 * A photo known by its catalogue file name: its thumbnail (from this computer's upload, the offline cache or the
 * catalogue), or while it loads or when it cannot be shown, a placeholder saying why, with a retry. The file name
 * itself (a UUID) is never shown.
 */
export function CataloguePhoto({ angle, angleName, fileName }: { angle: ImageType; angleName: string; fileName: string }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const bridge = useBridge();
  const photo = useQuery({
    queryKey: ['catalogue-photo', fileName],
    queryFn: () => loadCataloguePhoto(db, bridge, fileName),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    // Looked up again whenever a slot shows it anew: the local file may have been deleted, the cache filled.
    gcTime: 0,
    refetchOnWindowFocus: false,
    // A failed photo is tried again by the officer's "Try again", not by surprise while the slot is being read.
    refetchOnReconnect: false,
    // Offline is no reason to wait: the local upload and the kept thumbnail need no network, and a failed fetch says so.
    networkMode: 'always',
  });
  const loading = photo.isPending || photo.isFetching;
  const state = loading ? 'loading' : photo.isError ? 'failed' : 'shown';
  const failure = photo.error instanceof CataloguePhotoFailure ? photo.error : undefined;
  return (
    <div className="photo-on-catalogue" data-testid={`photo-on-catalogue-${angle}`} data-file-name={fileName} data-state={state} data-source={photo.data?.source ?? ''}>
      {photo.data && !photo.isError ? (
        <>
          <BlobImage blob={photo.data.thumbnail} alt={t('photos.catalogue.alt', { angle: angleName })} className="photo-thumbnail" testId={`photo-thumbnail-${angle}`} />
          <p className="photo-note">{t(photo.data.source === 'local' ? 'photos.catalogue.fromLocal' : 'photos.catalogue.fromCatalogue')}</p>
        </>
      ) : (
        <div className="photo-thumbnail photo-placeholder" role="img" aria-label={t('photos.catalogue.placeholder', { angle: angleName })} />
      )}
      {loading && <p role="status">{t('photos.catalogue.loading')}</p>}
      {!loading && photo.isError && (
        <>
          <p role="alert" className="photo-error" data-testid={`photo-catalogue-error-${angle}`} data-code={failure?.reason ?? 'failed'}>
            {t(failure?.code ?? 'photos.catalogue.failed', { message: t(errorText(failure?.cause ?? photo.error).key) })}
          </p>
          {/* Not a <button>: the read-only editor disables every form control inside it, and a retry changes nothing. */}
          <span
            role="button"
            tabIndex={0}
            className="photo-retry"
            onClick={() => void photo.refetch()}
            onKeyDown={(event) => {
              if (event.key !== 'Enter' && event.key !== ' ') return;
              event.preventDefault();
              void photo.refetch();
            }}
            data-testid={`photo-retry-${angle}`}
          >
            {t('photos.catalogue.retry')}
          </span>
        </>
      )}
    </div>
  );
}
