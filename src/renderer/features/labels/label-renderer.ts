/**
 * The page's side of the labels worker: starts it, tells it where the bundled label font is, and turns its
 * replies back into promises. `useLabelRender` re-renders whenever the job changes (debounced) and keeps the
 * last outcome together with the job it belongs to, so output buttons never act on stale bytes.
 */
import { useEffect, useRef, useState } from 'react';
// Vite copies the TTFs into the build and gives their URLs; the worker fetches them (same origin, CSP 'self').
import boldFontUrl from '../../../../resources/fonts/DejaVuSans-Bold.ttf?url';
import regularFontUrl from '../../../../resources/fonts/DejaVuSans.ttf?url';
import type { RenderJob, RenderOutcome, WorkerReply, WorkerRequest } from './render-protocol.ts';

export type SettledOutcome = Exclude<RenderOutcome, { kind: 'superseded' }>;

export class LabelRenderer {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, (outcome: RenderOutcome) => void>();

  constructor() {
    this.worker = new Worker(new URL('./labels-worker.ts', import.meta.url), { type: 'module' });
    this.worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
      const resolve = this.waiting.get(event.data.id);
      this.waiting.delete(event.data.id);
      resolve?.(event.data.outcome);
    });
    // A worker that fails to load (or crashes) answers nothing: fail every job still waiting for it.
    this.worker.addEventListener('error', (event) => this.settleAll({ kind: 'failed', message: event.message || 'labels worker failed' }));
    // Absolute URLs: inside the worker, relative ones would resolve against the worker script's folder.
    this.post({ type: 'fonts', urls: { regular: new URL(regularFontUrl, document.baseURI).href, bold: new URL(boldFontUrl, document.baseURI).href } });
  }

  render(job: RenderJob): Promise<RenderOutcome> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.post({ type: 'render', id, job });
    });
  }

  dispose(): void {
    this.worker.terminate();
    this.settleAll({ kind: 'superseded' });
  }

  private post(message: WorkerRequest): void {
    this.worker.postMessage(message);
  }

  private settleAll(outcome: RenderOutcome): void {
    for (const resolve of this.waiting.values()) resolve(outcome);
    this.waiting.clear();
  }
}

/** Wait this long after the last change before rendering: typing "120" copies renders once, not three times. */
const DEBOUNCE_MS = 150;

export interface LabelRenderState {
  /** The latest settled outcome and the job (as its JSON key) it was made from. */
  readonly settled: { readonly jobKey: string; readonly outcome: SettledOutcome } | null;
  /** The current job's key; `settled.jobKey === jobKey` means the outcome is up to date. */
  readonly jobKey: string;
  readonly current: boolean;
}

export function useLabelRender(job: RenderJob | null): LabelRenderState {
  const renderer = useRef<LabelRenderer | null>(null);
  const [settled, setSettled] = useState<LabelRenderState['settled']>(null);
  const jobKey = job ? JSON.stringify(job) : '';

  useEffect(() => {
    const created = new LabelRenderer();
    renderer.current = created;
    return () => {
      created.dispose();
      renderer.current = null;
    };
  }, []);

  useEffect(() => {
    if (jobKey === '') return;
    let cancelled = false;
    const timer = setTimeout(() => {
      // The key is the job's own JSON, so the effect depends on the key alone.
      void renderer.current?.render(JSON.parse(jobKey) as RenderJob).then((outcome) => {
        if (!cancelled && outcome.kind !== 'superseded') setSettled({ jobKey, outcome });
      });
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [jobKey]);

  return { settled, jobKey, current: settled !== null && settled.jobKey === jobKey };
}
