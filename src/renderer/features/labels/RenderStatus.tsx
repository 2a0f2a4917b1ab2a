import { useTranslation } from 'react-i18next';
import type { SettledOutcome } from './label-renderer.ts';
import { useProblemText } from './problem-text.ts';

/** How the job stands: being made, made (with counts and the next free label), refused or failed. */
export function RenderStatus({ outcome, current, productName }: { outcome: SettledOutcome | null; current: boolean; productName: (index: number) => string }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  if (!current || outcome === null) {
    return <p className="labels-muted" role="status" data-testid="render-status">{t('printQueue.render.rendering')}</p>;
  }
  if (outcome.kind === 'failed') {
    return <p className="labels-error" role="alert" data-testid="render-failed" data-error={outcome.code}>{t(`printQueue.render.failed.${outcome.code}`)}</p>;
  }
  const skipped = outcome.problems.map((problem) => t('printQueue.render.entryProblem', { name: productName(problem.index), reason: problemText(problem.problem) }));
  const skippedList = skipped.length > 0 && (
    <>
      <p>{t('printQueue.render.skipped')}</p>
      <ul>
        {skipped.map((text, index) => <li key={index}>{text}</li>)}
      </ul>
    </>
  );
  if (outcome.kind === 'refused') {
    return (
      <div className="labels-error" role="alert" data-testid="render-refusal">
        <p>{t('printQueue.render.refused')}</p>
        {outcome.problem && <p data-testid="render-refusal-reason">{problemText(outcome.problem)}</p>}
        {skippedList}
      </div>
    );
  }
  const { labels } = outcome;
  const sheet = labels.labelsPerPage > 1;
  return (
    <div role="status" data-testid="render-status" data-state="ready">
      <p>{t('printQueue.render.ready', { labels: labels.labelCount, pages: labels.pageCount })}</p>
      {sheet && <p className="labels-muted">{labels.nextSlot >= labels.labelsPerPage ? t('printQueue.render.sheetFull') : t('printQueue.render.nextStart', { position: labels.nextSlot + 1 })}</p>}
      {skippedList && <div className="labels-error">{skippedList}</div>}
    </div>
  );
}
