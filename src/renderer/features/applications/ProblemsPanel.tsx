import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../shared/application/validate.ts';
import { fieldId } from './AttributeField.tsx';
import { displayParams } from '../../app/format.ts';

/** The checklist of what moderation would reject: each line links to its field. */
export function ProblemsPanel({ problems, fieldLabel }: { problems: readonly Problem[]; fieldLabel: (field: string) => ReactNode }) {
  const { t, i18n } = useTranslation();
  const errors = problems.filter((problem) => problem.severity === 'error');
  const warnings = problems.filter((problem) => problem.severity === 'warning');
  return (
    <aside className="problems" aria-labelledby="problems-title" data-testid="problems">
      <h2 id="problems-title">{errors.length === 0 ? t('ui.editor.noProblems') : t('ui.editor.problems', { count: errors.length })}</h2>
      <ul>
        {[...errors, ...warnings].map((problem, index) => (
          <li key={`${problem.field}-${problem.key}-${index}`} className={problem.severity} data-field={problem.field}>
            <a
              href={`#${fieldId(problem.field)}`}
              onClick={(event) => {
                event.preventDefault(); // keep the route; just move to the field
                const target = document.getElementById(fieldId(problem.field)) ?? document.getElementById(fieldId(problem.field.split('.')[0] ?? ''));
                target?.scrollIntoView({ block: 'center' });
                (target?.querySelector('input, select, textarea') ?? target)?.dispatchEvent(new Event('focus'));
                if (target instanceof HTMLElement && 'focus' in target) target.focus();
              }}
            >
              <strong>{fieldLabel(problem.field)}</strong>: {t(problem.key, displayParams(problem.params, i18n.language))}
            </a>
          </li>
        ))}
      </ul>
    </aside>
  );
}
