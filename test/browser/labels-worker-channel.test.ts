import { afterAll, describe, expect, it } from 'vitest';
import { LabelRenderer } from '../../src/renderer/features/labels/label-renderer.ts';
import type { RenderJob } from '../../src/renderer/features/labels/render-protocol.ts';

const product = (code: string, copies = 1) => ({
  code,
  nameKk: 'Қымыз «Әсел»',
  nameRu: 'Кумыс «Асель»',
  quantity: '0,5',
  unit: 'л',
  producer: 'ТОО «Қазақ Сүт»',
  country: 'ҚАЗАҚСТАН / КАЗАХСТАН',
  copies,
});

const job = (overrides: Partial<RenderJob> = {}): RenderJob => ({
  products: [product('0200000000011', 2)],
  templateId: 'avery-l7160',
  fields: {},
  startPosition: 1,
  calibration: { offsetXMm: 0, offsetYMm: 0, scaleX: 1, scaleY: 1 },
  zpl: false,
  ...overrides,
});

describe('the labels worker through the one worker channel', () => {
  const renderer = new LabelRenderer();
  afterAll(() => renderer.dispose());

  it('answers a job with a PDF moved from the worker', async () => {
    const outcome = await renderer.render(job());
    if (outcome.kind !== 'rendered') throw new Error(JSON.stringify(outcome));
    expect(new TextDecoder().decode(outcome.labels.pdf.subarray(0, 5))).toBe('%PDF-');
    expect(outcome.labels.pdf.buffer).toBeInstanceOf(ArrayBuffer);
    expect(outcome.labels.labelCount).toBe(2);
  });

  it('coalesces jobs: while one renders, a newer waiting job supersedes an older one', async () => {
    const first = renderer.render(job({ startPosition: 1 }));
    const second = renderer.render(job({ startPosition: 2 }));
    const third = renderer.render(job({ startPosition: 3, products: [product('0200000000011', 3)] }));
    const [one, two, three] = await Promise.all([first, second, third]);
    expect(one.kind).toBe('rendered');
    expect(two.kind).toBe('superseded');
    expect(three).toMatchObject({ kind: 'rendered', labels: { labelCount: 3 } });
  });

  it('after dispose, waiting and new jobs are superseded, never left hanging', async () => {
    const other = new LabelRenderer();
    const running = other.render(job());
    const waiting = other.render(job({ startPosition: 5 }));
    other.dispose();
    expect((await waiting).kind).toBe('superseded');
    expect((await running).kind).toBe('superseded');
    expect((await other.render(job())).kind).toBe('superseded');
  });
});
