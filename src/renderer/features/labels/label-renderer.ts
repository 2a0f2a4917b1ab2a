/**
 * The page's side of the labels worker (through the one worker channel, workers/rpc.ts): tells it where the
 * bundled label font is with each job, and coalesces jobs: while one renders, only the newest waiting job is
 * kept and an older waiting one is answered `superseded` at once, because the page only ever shows the latest
 * settings. `useLabelRender` re-renders whenever the job changes (debounced) and keeps the last outcome
 * together with the job it belongs to, so output buttons never act on stale bytes.
 */
import { useEffect, useRef, useState } from 'react';
// Vite copies the TTFs into the build and gives their URLs; the worker fetches them (same origin, CSP 'self').
import boldFontUrl from '../../../../resources/fonts/DejaVuSans-Bold.ttf?url';
import regularFontUrl from '../../../../resources/fonts/DejaVuSans.ttf?url';
import { connectWorker, WorkerError, type WorkerConnection } from '../../workers/rpc.ts';
import type { LabelsWorkerApi } from './labels-worker.ts';
import { renderFailureCodes, type FontUrls, type RenderFailureCode, type RenderJob, type RenderOutcome } from './render-protocol.ts';

export type SettledOutcome = Exclude<RenderOutcome, { kind: 'superseded' }>;

function failureCode(error: unknown): RenderFailureCode {
  const code = error instanceof WorkerError ? error.code : 'failed';
  return renderFailureCodes.find((known) => known === code) ?? 'failed';
}

interface WaitingJob {
  readonly job: RenderJob;
  readonly settle: (outcome: RenderOutcome) => void;
}

export class LabelRenderer {
  private readonly worker: WorkerConnection<LabelsWorkerApi>;
  // Absolute URLs: inside the worker, relative ones would resolve against the worker script's folder.
  private readonly fonts: FontUrls = { regular: new URL(regularFontUrl, document.baseURI).href, bold: new URL(boldFontUrl, document.baseURI).href };
  private waiting: WaitingJob | null = null;
  private busy = false;
  private disposed = false;

  constructor() {
    this.worker = connectWorker<LabelsWorkerApi>(() => new Worker(new URL('./labels-worker.ts', import.meta.url), { type: 'module', name: 'labels' }));
  }

  render(job: RenderJob): Promise<RenderOutcome> {
    if (this.disposed) return Promise.resolve({ kind: 'superseded' });
    return new Promise((settle) => {
      this.waiting?.settle({ kind: 'superseded' });
      this.waiting = { job, settle };
      if (!this.busy) void this.drain();
    });
  }

  dispose(): void {
    this.disposed = true;
    this.waiting?.settle({ kind: 'superseded' });
    this.waiting = null;
    this.worker.dispose();
  }

  private async drain(): Promise<void> {
    this.busy = true;
    while (this.waiting) {
      const { job, settle } = this.waiting;
      this.waiting = null;
      try {
        settle(await this.worker.api.render({ job, fonts: this.fonts }));
      } catch (error) {
        // A crashed worker is started afresh by the next job; a disposed one has nobody left to tell.
        settle(this.disposed ? { kind: 'superseded' } : { kind: 'failed', code: failureCode(error), message: error instanceof Error ? error.message : String(error) });
      }
    }
    this.busy = false;
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
