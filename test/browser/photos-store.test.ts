import { describe, expect, it } from 'vitest';
import { emptyDraft } from '../../src/shared/application/draft.ts';
import { portalFileLimitBytes, validateDraft } from '../../src/shared/application/validate.ts';
import { scratchDatabases } from './scratch-database.ts';
import { buildValidationContext } from '../../src/renderer/db/validation-context.ts';
import { photoBlobIds, readPhotoFacts, removeUnreferencedPhotoBlobs, storePreparedPhoto } from '../../src/renderer/db/photos.ts';
import type { PreparedPhoto } from '../../src/renderer/workers/photo-protocol.ts';

const database = scratchDatabases('photos');

function prepared(options: { reencoded: boolean; uploadBytes: number }): PreparedPhoto {
  return {
    upload: new Blob([new Uint8Array(options.uploadBytes)], { type: 'image/jpeg' }),
    uploadMimeType: 'image/jpeg',
    width: 3000,
    height: 2000,
    original: { bytes: 41_000_000, width: 6000, height: 4000, mimeType: 'image/png' },
    reencoded: options.reencoded ? { quality: 0.85, encodes: 2 } : null,
    thumbnail: new Blob([new Uint8Array(10)], { type: 'image/jpeg' }),
    checks: { width: 6000, height: 4000, lowResolution: false, background: { edgeDensity: 0.2, luminanceSpread: 50, meanLuminance: 120, busy: true } },
  };
}

describe('photos in the local database (real IndexedDB)', () => {
  it('stores the upload, the original, the thumbnail and the facts, all owned by the draft', async () => {
    const db = database();
    const original = new File([new Uint8Array(1000)], 'IMG_0042.png', { type: 'image/png' });
    const blobId = await storePreparedPhoto(db, 'draft-1', original, prepared({ reencoded: true, uploadBytes: 4_000_000 }), 1_700_000_000_000);
    const ids = photoBlobIds(blobId);
    const rows = await db.blobs.where('ownerId').equals('draft-1').toArray();
    expect(rows.map((row) => row.id).sort()).toEqual([ids.upload, ids.original, ids.thumbnail, ids.facts].sort());
    const upload = rows.find((row) => row.id === ids.upload);
    expect(upload?.data.size).toBe(4_000_000);
    expect(upload?.data instanceof File ? upload.data.name : '').toBe('IMG_0042.jpg');
    expect((rows.find((row) => row.id === ids.original)?.data as File).name).toBe('IMG_0042.png');
    const facts = await readPhotoFacts(rows.find((row) => row.id === ids.facts));
    expect(facts).toMatchObject({ fileName: 'IMG_0042.png', bytes: 4_000_000, reencoded: { quality: 0.85 }, checks: { background: { busy: true } } });
  });

  it('keeps no separate original when the file went through untouched', async () => {
    const db = database();
    const blobId = await storePreparedPhoto(db, 'draft-2', new File([new Uint8Array(10)], 'a.jpg'), prepared({ reencoded: false, uploadBytes: 10 }));
    expect(await db.blobs.get(photoBlobIds(blobId).original)).toBeUndefined();
  });

  it('is what the editor validates: the upload size is checked, not the original’s', async () => {
    const db = database();
    const draft = emptyDraft({ id: 'draft-3', isGov: true });
    const blobId = await storePreparedPhoto(db, draft.id, new File([new Uint8Array(10)], 'front.png'), prepared({ reencoded: true, uploadBytes: portalFileLimitBytes }));
    const withFront = { ...draft, photos: { front: { blobId } } };
    const problems = validateDraft(withFront, await buildValidationContext(db, withFront, { base: [] }));
    const photoProblems = problems.filter((problem) => problem.group === 'photos');
    // FRONT is there and fits; BACK is still missing on an extended card.
    expect(photoProblems.map((problem) => [problem.field, problem.key])).toEqual([['photos.back', 'application.photo.required']]);
  });

  it('collects rows of replaced or removed photos, and nothing else of the draft', async () => {
    const db = database();
    const file = new File([new Uint8Array(10)], 'x.jpg');
    const kept = await storePreparedPhoto(db, 'draft-4', file, prepared({ reencoded: true, uploadBytes: 10 }));
    const replaced = await storePreparedPhoto(db, 'draft-4', file, prepared({ reencoded: true, uploadBytes: 10 }));
    await db.blobs.put({ id: 'someone-elses-row', ownerId: 'draft-4', mimeType: 'text/plain', data: new Blob(['x']) });
    expect(await removeUnreferencedPhotoBlobs(db, 'draft-4', { front: { blobId: kept } })).toBe(4);
    const left = await db.blobs.where('ownerId').equals('draft-4').primaryKeys();
    expect(left.sort()).toEqual([...Object.values(photoBlobIds(kept)), 'someone-elses-row'].sort());
    expect(left.some((id) => id.startsWith(replaced))).toBe(false);
  });
});
