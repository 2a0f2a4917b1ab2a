import { useTranslation } from 'react-i18next';
import { navigate, routeHref, useLocation } from '../../app/router.ts';
import { useRegisterDocument } from '../../db/hooks.ts';
import { DeleteDocument } from './DeleteDocument.tsx';
import { DocumentForm } from './DocumentForm.tsx';
import { DocumentList } from './DocumentList.tsx';
import './documents.css';

/**
 * The organisation's register of conformity documents (`#/documents`): the list, `#/documents/new` to add one and
 * `#/documents/<id>` to edit one. `#/documents/new/for/<application id>` comes from an application's editor and
 * returns there after saving, where the new document can be attached.
 */
export function DocumentsPage() {
  const { t } = useTranslation();
  const { rest } = useLocation();
  const [first, second, third] = rest;
  const returnTo = first === 'new' && second === 'for' && third ? third : undefined;
  return (
    <div className="documents-page">
      <h1>{t('documents.title')}</h1>
      {first === undefined ? (
        <>
          <p className="documents-intro">{t('documents.intro')}</p>
          <DocumentList />
        </>
      ) : (
        <DocumentEditor key={first} id={first === 'new' ? undefined : first} returnTo={returnTo} />
      )}
    </div>
  );
}

function DocumentEditor({ id, returnTo }: { id: string | undefined; returnTo: string | undefined }) {
  const { t } = useTranslation();
  // null: not in the register; undefined: still loading.
  const existing = useRegisterDocument(id);
  const leave = () => (returnTo ? navigate('applications', returnTo) : navigate('documents'));
  if (existing === undefined) return <p>{t('ui.loading')}</p>;
  if (id && existing === null) {
    return (
      <p role="alert">
        {t('documents.notFound')} <a href={routeHref('documents')}>{t('documents.back')}</a>
      </p>
    );
  }
  return (
    <>
      <p>
        <a href={returnTo ? routeHref('applications', returnTo) : routeHref('documents')}>← {returnTo ? t('ui.applications.title') : t('documents.back')}</a>
      </p>
      <DocumentForm existing={existing ?? undefined} onSaved={leave} onCancel={leave} />
      {existing && <DeleteDocument id={existing.id} onDeleted={leave} />}
    </>
  );
}
