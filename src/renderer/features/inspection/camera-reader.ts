/**
 * Barcodes in camera frames, with zxing-wasm's reader (EAN-13, UPC-A, EAN-8, ITF/ITF-14, GS1 DataMatrix). The
 * WebAssembly file is bundled with the app (no CDN: inspectors work offline).
 */
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

let prepared: Promise<unknown> | undefined;

/** Loads the reader's WebAssembly now (call while online: the inspector may be offline by the time the camera starts). */
export function preloadCameraReader(): void {
  void prepare().catch(() => undefined);
}

function prepare(): Promise<unknown> {
  prepared ??= Promise.resolve(
    prepareZXingModule({
      overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? new URL(wasmUrl, document.baseURI).href : prefix + path) },
      fireImmediately: true,
    }),
  ).catch((error: unknown) => {
    prepared = undefined; // offline at the first try: try again next time
    throw error;
  });
  return prepared;
}

const options: ReaderOptions = {
  formats: ['EAN13', 'UPCA', 'EAN8', 'ITF', 'ITF14', 'DataMatrix'],
  tryHarder: true,
  // GS1 DataMatrix as "(01)…(21)…": the scan normaliser reads the GTIN from it.
  textMode: 'HRI',
  maxNumberOfSymbols: 4,
};

/** The texts of the valid barcodes in one frame. */
export async function decodeFrame(image: ImageData): Promise<string[]> {
  await prepare();
  const results = await readBarcodes(image, options);
  return results.filter((result) => result.isValid).map((result) => result.text);
}
