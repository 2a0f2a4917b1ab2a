import { useTranslation } from 'react-i18next';
import type { ShownProblem } from './import-protocol.ts';

/** One problem as a sentence: which column of the file, then the core's localised reason. */
export function ProblemText({ problem }: { problem: ShownProblem }) {
  const { t, i18n } = useTranslation();
  const named = problem.names ? (i18n.language === 'kk' ? problem.names.kk : problem.names.ru) : undefined;
  // A column of the file when one holds the field; else the attribute's name (a required one the file lacks).
  const where =
    problem.header !== undefined ? t('importer.preview.column', { header: problem.header }) : named ? `${named} (${problem.field})` : problem.field !== '-' ? problem.field : undefined;
  return (
    <span className={`problem ${problem.severity}`} data-key={problem.key} data-field={problem.field}>
      <span className="severity">{t(`importer.preview.severity.${problem.severity}`)}</span>
      {where !== undefined && <span className="where">{where}</span>}
      <span>{t(problem.key, problem.params)}</span>
    </span>
  );
}
