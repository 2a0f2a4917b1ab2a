/** Shared fixtures of the sandbox and catalogue tests: request bodies, tiny files, raw HTTP helpers. */
import type { AttributeValue, ProductRequestBody } from '../../../src/shared/catalogue/dto.ts';
import { buildSeed, type Seed } from '../../../src/sandbox/seed/index.ts';
import type { RunningSandbox } from '../../../src/sandbox/server.ts';

export const seed: Seed = buildSeed();

export function leafOf(section: 'food' | 'clothing' | 'electronics' | 'building' | 'medicines') {
  const leaf = seed.leaves.find((candidate) => candidate.sectionKey === section && !candidate.isDeleted);
  if (!leaf) throw new Error(`no ${section} leaf`);
  return leaf;
}

let counter = 0;

/** A base request body that passes the sandbox's full moderation check (food category). */
export function validBody(options: { name?: string; autoPublication?: boolean; extra?: AttributeValue[] } = {}): ProductRequestBody {
  counter += 1;
  const leaf = leafOf('food');
  const name = options.name ?? `Молоко тестовое №${counter} ${Date.now()}`;
  return {
    oktru: leaf.code,
    autoPublication: options.autoPublication ?? false,
    attributes: [
      { code: 'name_ru', value: name },
      { code: 'name_kk', value: `Сынақ сүті ${name}` },
      { code: 'short_name_ru', value: 'Молоко тестовое' },
      { code: 'short_name_kk', value: 'Сынақ сүті' },
      { code: 'brand', value: 'Сүт Әлемі' },
      { code: 'country', value: 'KZ' },
      { code: 'tnved', value: leaf.tnvedCodes[0] as string },
      { code: 'measure', attributes: [{ code: 'measure_unit', value: '112' }, { code: 'quantity', value: '1' }] },
      { code: 'a4282e5d', value: 'ТОО «Сынақ Сүт»' },
      ...(options.extra ?? []),
    ],
  };
}

/** An extended (`isGov`) body for the clothing category, files to be filled in. */
export function govBody(imageFiles: { fileName: string; imageType: string }[]): ProductRequestBody {
  const base = validBody();
  const leaf = leafOf('clothing');
  return {
    ...base,
    oktru: leaf.code,
    isGov: true,
    attributes: base.attributes.map((attribute) => (attribute.code === 'tnved' ? { code: 'tnved', value: leaf.tnvedCodes[0] as string } : attribute)),
    mainExtendedAttributes: [
      { code: 'enstrus', value: '329912.130.000000' },
      { code: 'gross_weight', value: '0.5 кг' },
      { code: 'net_weight', value: '0.4 кг' },
      {
        code: 'package_dimensions',
        attributes: [
          { code: 'width', value: '30' },
          { code: 'height', value: '5' },
          { code: 'length', value: '40' },
          { code: 'dimension_measure', value: 'см' },
        ],
      },
    ],
    additionalExtendedAttributes: [{ code: 'material', value: 'Хлопок 100%', nameRu: 'Материал', nameKk: 'Материалы' }],
    customExtendedAttributes: [{ nameRu: 'Сезон', nameKk: 'Маусым', value: 'Лето' }],
    imageFiles,
  };
}

export const jpegBytes = (size = 64): Uint8Array => {
  const bytes = new Uint8Array(size);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
};
export const pngBytes = (): Uint8Array => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
export const pdfBytes = (): Uint8Array => new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

/** Raw portal calls: the key is sent unless `key: null`. */
export function portal(sandbox: RunningSandbox) {
  return async (method: string, path: string, options: { body?: unknown; key?: string | null; headers?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.key !== null) headers['X-API-KEY'] = options.key ?? sandbox.apiKey;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${sandbox.portalBaseUrl}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, text, json: json as Record<string, unknown> & unknown[], headers: response.headers };
  };
}

export async function uploadRaw(sandbox: RunningSandbox, kind: 'photo' | 'document', bytes: Uint8Array, name: string, part = 'file') {
  const form = new FormData();
  form.append(part, new Blob([new Uint8Array(bytes)]), name);
  const path = kind === 'photo' ? '/portal/api/v1/storage/upload' : '/portal/api/v1/storage/upload/document';
  const response = await fetch(`${sandbox.portalBaseUrl}${path}`, { method: 'POST', headers: { 'X-API-KEY': sandbox.apiKey }, body: form });
  const text = await response.text();
  return { status: response.status, text, json: (text.startsWith('{') ? JSON.parse(text) : undefined) as Record<string, unknown> | undefined };
}

export const requestsPath = '/portal/api/v1/products/requests';

export async function admin(sandbox: RunningSandbox, method: string, path: string, body?: unknown) {
  const response = await fetch(`${sandbox.origin}/__sandbox${path}`, {
    method,
    headers: { 'X-Sandbox-Secret': sandbox.adminSecret, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}
