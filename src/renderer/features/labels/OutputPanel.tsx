import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bridge } from '../../../shared/bridge.ts';
import { BridgeError } from '../../../shared/bridge-client.ts';
import { errorText } from '../../app/errors.ts';
import { isPrinterHost, rawPrinterPorts } from '../../../shared/printers.ts';
import type { LabelTemplate, PrintOptions } from '../../../shared/labels/light.ts';
import { NumberField } from './NumberField.tsx';
import type { RenderedLabels } from './render-protocol.ts';
import { useFieldText } from './use-field-text.ts';

type Outcome = { readonly ok: boolean; readonly text: string };

interface OutputPanelProps {
  bridge: Bridge;
  template: LabelTemplate;
  /** The rendered job, or null while it is being (re)made: nothing is printed from stale bytes. */
  labels: RenderedLabels | null;
  printerName: string;
  options: PrintOptions;
  update: (change: (options: PrintOptions) => PrintOptions) => void;
  /** How the job stands, shown above the buttons. */
  children?: ReactNode;
}

/** Why raw sending failed, as a message of this page: the host's codes, else "no answer". */
function sendFailureKey(error: unknown): 'sendRefused' | 'sendDeclined' | 'sendFailed' {
  if (error instanceof BridgeError && error.code === 'printer-refused') return 'sendRefused';
  if (error instanceof BridgeError && error.code === 'printer-declined') return 'sendDeclined';
  return 'sendFailed';
}

/** Electron reports a print job the user closed the dialog on as "cancelled"; anything else is a failure. */
function printFailureKey(failureReason: string | undefined, shell: string | undefined): 'printCancelled' | 'popupBlocked' | 'printFailed' {
  if (shell === 'web') return 'popupBlocked'; // the web twin's only way to fail: the new tab was blocked
  return failureReason !== undefined && /cancel/iu.test(failureReason) ? 'printCancelled' : 'printFailed';
}

/** A file name that says what it holds and sorts by time: labels-avery-l7160-2025-03-01-0930.pdf. */
function fileName(template: LabelTemplate, extension: string, now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const stamp = `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
  return `labels-${template.id}-${stamp}.${extension}`;
}

/** The printer's address, stored as it is typed. */
function HostField({ label, value, onCommit }: { label: string; value: string; onCommit: (value: string) => void }) {
  const { text, setText, focusHandlers } = useFieldText(value);
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="text"
        value={text}
        autoComplete="off"
        spellCheck={false}
        {...focusHandlers}
        onChange={(event) => {
          setText(event.target.value);
          onCommit(event.target.value);
        }}
        data-testid="zpl-host"
      />
    </label>
  );
}

export function OutputPanel({ bridge, template, labels, printerName, options, update, children }: OutputPanelProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const shell = useQuery({ queryKey: ['app', 'info'], queryFn: () => bridge.app.info(), staleTime: Infinity });
  const thermal = template.kind === 'thermal';
  const zpl = labels?.zpl ?? null;

  const translated = (error: unknown) => {
    const text = errorText(error);
    return t(text.key, text.params ?? {});
  };

  const run = async (action: () => Promise<Outcome>) => {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome(await action());
    } finally {
      setBusy(false);
    }
  };

  const print = (bytes: Uint8Array<ArrayBuffer>, pageWidthMm: number, pageHeightMm: number) =>
    run(async () => {
      try {
        const result = await bridge.print.pdf({ bytes, pageWidthMm, pageHeightMm, ...(printerName ? { printerName } : {}) });
        if (result.printed) return { ok: true, text: t('printQueue.output.printed') };
        return { ok: false, text: t(`printQueue.output.${printFailureKey(result.failureReason, shell.data?.shell)}`) };
      } catch (error) {
        // The host could not print: say so in the page's words; an app-level fault gets the app's sentence.
        return { ok: false, text: error instanceof BridgeError && error.code === 'failed' ? t('printQueue.output.printFailed') : translated(error) };
      }
    });

  const save = (bytes: Uint8Array<ArrayBuffer>, extension: 'pdf' | 'zpl', mimeType: string) =>
    run(async () => {
      try {
        const result = await bridge.files.save({ suggestedName: fileName(template, extension), mimeType, bytes });
        return result.saved ? { ok: true, text: t('printQueue.output.saved', { location: result.location ?? '' }) } : { ok: false, text: t('printQueue.output.notSaved') };
      } catch (error) {
        return { ok: false, text: t('printQueue.output.saveFailed', { reason: translated(error) }) };
      }
    });

  const send = (text: string) =>
    run(async () => {
      const host = options.zplHost.trim();
      const port = options.zplPort;
      // The bridge's own rule, checked here so the user gets a sentence, not a schema error.
      if (!isPrinterHost(host)) return { ok: false, text: t('printQueue.output.badHost') };
      try {
        const result = await bridge.print.raw({ host, port, bytes: new TextEncoder().encode(text) });
        return { ok: true, text: t('printQueue.output.sent', { bytes: result.sentBytes, host, port }) };
      } catch (error) {
        // The web twin has no socket: say so in the reader's language rather than the host's English.
        if (shell.data?.shell === 'web') return { ok: false, text: t('printQueue.output.sendNeedsDesktop') };
        return { ok: false, text: t(`printQueue.output.${sendFailureKey(error)}`, { host, port }) };
      }
    });

  const disabled = busy || labels === null;
  return (
    <section className="labels-panel" aria-labelledby="labels-output-title">
      <h2 id="labels-output-title">{t('printQueue.output.title')}</h2>
      {children}
      <div className="list-toolbar">
        <button type="button" disabled={disabled} onClick={() => labels && void print(labels.pdf, labels.pageWidthMm, labels.pageHeightMm)} data-testid="print-labels">
          {t('printQueue.output.print')}
        </button>
        <button type="button" disabled={disabled} onClick={() => labels && void save(labels.pdf, 'pdf', 'application/pdf')} data-testid="save-pdf">
          {t('printQueue.output.savePdf')}
        </button>
        {thermal && (
          <button type="button" disabled={disabled || zpl === null} onClick={() => zpl !== null && void save(new TextEncoder().encode(zpl), 'zpl', 'application/octet-stream')} data-testid="save-zpl">
            {t('printQueue.output.saveZpl')}
          </button>
        )}
      </div>
      {!thermal && <p className="labels-muted">{t('printQueue.output.actualSize')}</p>}
      {thermal && (
        <div className="fields labels-zpl">
          <HostField label={t('printQueue.output.host')} value={options.zplHost} onCommit={(zplHost) => update((current) => ({ ...current, zplHost }))} />
          <NumberField label={t('printQueue.output.port')} value={options.zplPort} min={rawPrinterPorts.min} max={rawPrinterPorts.max} step={1} integer onCommit={(zplPort) => update((current) => ({ ...current, zplPort }))} testId="zpl-port" />
          <button type="button" disabled={disabled || zpl === null} onClick={() => zpl !== null && void send(zpl)} data-testid="send-zpl">
            {t('printQueue.output.sendZpl')}
          </button>
        </div>
      )}
      {outcome && (
        <p className={outcome.ok ? 'labels-ok' : 'labels-error'} role={outcome.ok ? 'status' : 'alert'} data-testid="output-message">
          {outcome.text}
        </p>
      )}
    </section>
  );
}
