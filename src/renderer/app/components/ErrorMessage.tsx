import { useTranslation } from 'react-i18next';
import { errorText } from '../errors.ts';

/** An error in the officer's language, styled as one; `inline` for a line inside a toolbar. */
export function ErrorMessage({ error, inline, testId }: { error: unknown; inline?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const text = errorText(error);
  const Tag = inline ? 'span' : 'p';
  return (
    <Tag role="alert" className="error-message" data-testid={testId} data-error={text.key}>
      {t(text.key, text.params ?? {})}
    </Tag>
  );
}
