import { expect, type Locator, type Page } from '@playwright/test';
import type { AppShell } from './app-shell.ts';

export type Angle = 'front' | 'back' | 'left' | 'right' | 'top' | 'bottom';

/** A file handed to a file input: name, MIME type as the browser would guess it, bytes. */
export interface FilePayload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** A picture drawn on a canvas inside the page, so a 40 MB photo never crosses the test protocol. */
export interface GeneratedPicture {
  width: number;
  height: number;
  /** `plain`: a product on a light background; `noise`: per-pixel noise over coloured blocks (a busy background). */
  scene: 'plain' | 'noise';
  quality: number;
  fileName: string;
}

/** Page object of the photo slots in the application editor. */
export class PhotoSlots {
  constructor(readonly page: Page) {}

  slot(angle: Angle): Locator {
    return this.page.getByTestId(`photo-slot-${angle}`);
  }
  thumbnail(angle: Angle): Locator {
    return this.page.getByTestId(`photo-thumbnail-${angle}`);
  }
  facts(angle: Angle): Locator {
    return this.page.getByTestId(`photo-facts-${angle}`);
  }
  reencoded(angle: Angle): Locator {
    return this.page.getByTestId(`photo-reencoded-${angle}`);
  }
  error(angle: Angle): Locator {
    return this.page.getByTestId(`photo-error-${angle}`);
  }
  lowResolutionWarning(angle: Angle): Locator {
    return this.page.getByTestId(`photo-warning-resolution-${angle}`);
  }
  busyBackgroundWarning(angle: Angle): Locator {
    return this.page.getByTestId(`photo-warning-background-${angle}`);
  }

  /** Through the file picker. */
  async choose(angle: Angle, file: FilePayload): Promise<void> {
    await this.page.getByTestId(`photo-input-${angle}`).setInputFiles(file);
  }

  /** Draws a picture in the page, encodes it as JPEG and drops it on the slot, as a drag from the desktop would. */
  async dropGenerated(angle: Angle, picture: GeneratedPicture): Promise<number> {
    return this.slot(angle).evaluate(async (slot, spec) => {
      const canvas = document.createElement('canvas');
      canvas.width = spec.width;
      canvas.height = spec.height;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no canvas');
      if (spec.scene === 'plain') {
        context.fillStyle = '#f5f5f3';
        context.fillRect(0, 0, spec.width, spec.height);
        context.fillStyle = '#25507f';
        context.fillRect(spec.width * 0.3, spec.height * 0.2, spec.width * 0.4, spec.height * 0.6);
      } else {
        // Coloured 64 px blocks (clutter that survives downscaling) under strong per-pixel noise (which JPEG
        // cannot compress, so the file is huge at top quality).
        const pixels = context.createImageData(spec.width, spec.height);
        const bytes = pixels.data;
        let state = 99;
        for (let y = 0; y < spec.height; y += 1) {
          for (let x = 0; x < spec.width; x += 1) {
            const block = Math.imul((x >> 6) + 1, 73856093) ^ Math.imul((y >> 6) + 1, 19349663);
            state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
            const at = (y * spec.width + x) * 4;
            bytes[at] = ((block & 0xff) >> 1) + ((state & 0xff) >> 1);
            bytes[at + 1] = (((block >> 8) & 0xff) >> 1) + (((state >> 8) & 0xff) >> 1);
            bytes[at + 2] = (((block >> 16) & 0xff) >> 1) + (((state >> 16) & 0xff) >> 1);
            bytes[at + 3] = 255;
          }
        }
        context.putImageData(pixels, 0, 0);
      }
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', spec.quality));
      if (!blob) throw new Error('the picture could not be encoded');
      const transfer = new DataTransfer();
      transfer.items.add(new File([blob], spec.fileName, { type: 'image/jpeg' }));
      slot.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      slot.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      return blob.size;
    }, picture);
  }

  async remove(angle: Angle): Promise<void> {
    await this.page.getByTestId(`photo-remove-${angle}`).click();
  }
}

export interface DocumentFields {
  number: string;
  regulation: string;
  issuer: string;
  issuedOn: string;
  expiresOn: string;
}

/** Page object of the register's add/edit form. */
export class DocumentForm {
  readonly number: Locator;
  readonly type: Locator;
  readonly regulation: Locator;
  readonly issuer: Locator;
  readonly issuedOn: Locator;
  readonly expiresOn: Locator;
  readonly numberCheck: Locator;
  readonly pdfError: Locator;
  readonly pdfPreview: Locator;
  readonly pdfFacts: Locator;

  constructor(readonly page: Page) {
    this.number = page.getByTestId('document-number');
    this.type = page.getByTestId('document-type');
    this.regulation = page.getByTestId('document-regulation');
    this.issuer = page.getByTestId('document-issuer');
    this.issuedOn = page.getByTestId('document-issued-on');
    this.expiresOn = page.getByTestId('document-expires-on');
    this.numberCheck = page.getByTestId('document-number-check');
    this.pdfError = page.getByTestId('document-pdf-error');
    this.pdfPreview = page.getByTestId('document-pdf-preview');
    this.pdfFacts = page.getByTestId('document-pdf-facts');
  }

  async fill(fields: DocumentFields): Promise<void> {
    await this.number.fill(fields.number);
    await this.regulation.fill(fields.regulation);
    await this.issuer.fill(fields.issuer);
    await this.issuedOn.fill(fields.issuedOn);
    await this.expiresOn.fill(fields.expiresOn);
  }

  async expectFields(fields: DocumentFields): Promise<void> {
    await expect(this.number).toHaveValue(fields.number);
    await expect(this.regulation).toHaveValue(fields.regulation);
    await expect(this.issuer).toHaveValue(fields.issuer);
    // Date fields show the UI language's form and keep the ISO date they stand for in `data-value`.
    await expect(this.issuedOn).toHaveAttribute('data-value', fields.issuedOn);
    await expect(this.expiresOn).toHaveAttribute('data-value', fields.expiresOn);
  }

  /** Chooses a PDF and waits until its check is over (accepted or refused). */
  async choosePdf(file: FilePayload): Promise<void> {
    const field = this.page.getByTestId('document-pdf');
    const checkedBefore = Number(await field.getAttribute('data-checked'));
    await this.page.getByTestId('document-pdf-input').setInputFiles(file);
    await expect(field).toHaveAttribute('data-checked', String(checkedBefore + 1), { timeout: 20_000 });
  }

  async save(): Promise<void> {
    await this.page.getByTestId('document-save').click();
  }
}

/** Page object of the organisation's register of conformity documents (`#/documents`). */
export class DocumentRegister {
  constructor(readonly shell: AppShell) {}

  get page(): Page {
    return this.shell.page;
  }

  async open(): Promise<void> {
    await this.shell.open('documents');
  }

  async add(): Promise<DocumentForm> {
    await this.page.getByTestId('document-add').click();
    const form = new DocumentForm(this.page);
    await expect(form.number).toBeVisible();
    return form;
  }

  rows(): Locator {
    return this.page.getByTestId('document-row');
  }

  row(number: string): Locator {
    return this.page.locator(`[data-testid="document-row"][data-number="${number}"]`);
  }
}

/** Page object of the documents section of the application editor. */
export class DocumentAttachments {
  constructor(readonly page: Page) {}

  rows(): Locator {
    return this.page.getByTestId('attached-document');
  }

  async attach(optionText: string | RegExp): Promise<void> {
    const select = this.page.getByTestId('document-choose');
    const value = await select.locator('option').filter({ hasText: optionText }).first().getAttribute('value');
    if (!value) throw new Error(`no register document matching ${String(optionText)}`);
    await select.selectOption(value);
    await this.page.getByTestId('document-attach').click();
  }

  async detach(position: number): Promise<void> {
    await this.rows().nth(position).getByTestId('document-detach').click();
  }
}

export interface StoredBlob {
  id: string;
  size: number;
  mimeType: string;
  name: string | null;
}

/** The app's own IndexedDB rows in `blobs` for one owner, read with the plain IndexedDB API (what a reload would find). */
export function storedBlobs(page: Page, ownerId: string): Promise<StoredBlob[]> {
  return page.evaluate(
    (owner) =>
      new Promise<StoredBlob[]>((resolve, reject) => {
        const opening = indexedDB.open('ncg-desk');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const database = opening.result;
          const request = database.transaction('blobs').objectStore('blobs').index('ownerId').getAll(owner);
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const rows = request.result as { id: string; mimeType: string; data: Blob }[];
            database.close();
            resolve(rows.map((row) => ({ id: row.id, size: row.data.size, mimeType: row.mimeType, name: row.data instanceof File ? row.data.name : null })));
          };
        };
      }),
    ownerId,
  );
}
