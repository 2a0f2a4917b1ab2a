import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../app/components/EmptyState.tsx';
import { DEFAULT_MAX_COPIES, isValidCopies, totalLabels, type QueueEntry } from '../../../shared/labels/light.ts';
import { useFieldText } from './use-field-text.ts';

export interface QueueActions {
  setCopies: (id: string, copies: number) => void;
  move: (id: string, delta: number) => void;
  remove: (id: string) => void;
  clear: () => void;
}

/** Copies typed into the queue: every valid number is stored at once (the preview follows), an invalid one is only marked. */
function CopiesField({ entry, label, onCommit }: { entry: QueueEntry; label: string; onCommit: (copies: number) => void }) {
  const { t } = useTranslation();
  const { text, setText, focusHandlers } = useFieldText(String(entry.copies));
  const accept = (raw: string): number | null => (/^\d+$/u.test(raw.trim()) && isValidCopies(Number(raw)) ? Number(raw) : null);
  const valid = accept(text) !== null;
  return (
    <input
      type="number"
      min={1}
      max={DEFAULT_MAX_COPIES}
      step={1}
      value={text}
      aria-label={label}
      aria-invalid={!valid}
      title={valid ? undefined : t('printQueue.queue.badCopies', { max: DEFAULT_MAX_COPIES })}
      {...focusHandlers}
      onChange={(event) => {
        setText(event.target.value);
        const copies = accept(event.target.value);
        if (copies !== null) onCommit(copies);
      }}
      data-testid="queue-copies"
    />
  );
}

export function QueueTable({ queue, actions, problemsOf }: { queue: readonly QueueEntry[]; actions: QueueActions; problemsOf: (index: number) => readonly string[] }) {
  const { t, i18n } = useTranslation();
  const [confirmingClear, setConfirmingClear] = useState(false);
  if (queue.length === 0) return <EmptyState title={t('printQueue.queue.emptyTitle')} body={t('printQueue.queue.emptyBody')} />;
  const nameOf = (entry: QueueEntry) => (i18n.language === 'kk' ? entry.nameKk || entry.nameRu : entry.nameRu || entry.nameKk) || t('printQueue.scan.noName');

  return (
    <section className="labels-panel" aria-labelledby="labels-queue-title">
      <h2 id="labels-queue-title">{t('printQueue.queue.title')}</h2>
      <table className="labels-queue" data-testid="label-queue">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('printQueue.queue.code')}</th>
            <th scope="col">{t('printQueue.queue.name')}</th>
            <th scope="col">{t('printQueue.queue.copies')}</th>
            <th scope="col">{t('printQueue.queue.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {queue.map((entry, index) => {
            const name = nameOf(entry);
            const problems = problemsOf(index);
            return (
              <tr key={entry.id} data-testid="queue-entry" data-code={entry.code} aria-invalid={problems.length > 0 ? true : undefined}>
                <td>{index + 1}</td>
                <td><code>{entry.code}</code></td>
                <td>
                  <div data-catalogue-data={entry.nameKk || entry.nameRu ? true : undefined}>{name}</div>
                  {problems.map((problem) => (
                    <div key={problem} className="labels-error" role="alert">{problem}</div>
                  ))}
                </td>
                <td>
                  <CopiesField entry={entry} label={t('printQueue.queue.copiesOf', { name })} onCommit={(copies) => actions.setCopies(entry.id, copies)} />
                </td>
                <td className="labels-row-actions">
                  <button type="button" disabled={index === 0} onClick={() => actions.move(entry.id, -1)} aria-label={t('printQueue.queue.moveUp', { name })} data-testid="queue-up">↑</button>
                  <button type="button" disabled={index === queue.length - 1} onClick={() => actions.move(entry.id, 1)} aria-label={t('printQueue.queue.moveDown', { name })} data-testid="queue-down">↓</button>
                  <button type="button" onClick={() => actions.remove(entry.id)} aria-label={t('printQueue.queue.remove', { name })} data-testid="queue-remove">✕</button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="list-toolbar labels-queue-footer">
        <span data-testid="queue-total">{t('printQueue.queue.total', { products: queue.length, labels: totalLabels(queue) })}</span>
        {confirmingClear ? (
          <>
            <button
              type="button"
              className="labels-danger"
              onClick={() => {
                setConfirmingClear(false);
                actions.clear();
              }}
              data-testid="queue-clear-confirm"
            >
              {t('printQueue.queue.confirmClear', { count: queue.length })}
            </button>
            <button type="button" onClick={() => setConfirmingClear(false)}>{t('printQueue.queue.cancel')}</button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirmingClear(true)} data-testid="queue-clear">{t('printQueue.queue.clear')}</button>
        )}
      </div>
    </section>
  );
}
