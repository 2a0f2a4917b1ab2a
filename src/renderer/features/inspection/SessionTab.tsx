import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  isDefaultFineSource,
  entityCategories,
  estimateFine,
  fineMessage,
  isValidOrganisationId,
  newInspection,
  offenceKinds,
  totalsByVerdict,
  verdictKey,
  verdictKinds,
  violationCount,
  type Inspection,
  type InspectionItem,
} from '../../../shared/inspection/index.ts';
import { useDatabase } from '../../db/context.tsx';
import { changeInspection, createInspection, setCurrentInspection, useCopyState, useCurrentInspection, useFineTables } from '../../db/inspections.ts';
import { ItemPhotos } from './ItemPhotos.tsx';
import { parseQuantity } from './session-items.ts';
import { useInspectionExports } from './use-inspection-exports.ts';
import { dateTimeFormat, numberFormat } from '../../app/format.ts';
import { DateField } from '../../app/components/DateField.tsx';
import { settingsSectionHref, settingsSections } from '../../app/components/settings-sections.ts';

type TextField = 'place' | 'inspector' | 'date';
type OrgField = 'idNumber' | 'name' | 'address';

/** The inspection in progress: who, where, by whom, and every product line; saved on every change. */
export function SessionTab() {
  const { t } = useTranslation();
  const db = useDatabase();
  const inspection = useCurrentInspection();
  const copy = useCopyState();
  if (inspection === undefined || copy === undefined) return null;
  if (inspection === null || inspection.status === 'closed') {
    const start = () => {
      const fresh = newInspection(crypto.randomUUID(), new Date(), { date: copy.copyDate, count: copy.count });
      void createInspection(db, fresh);
    };
    return (
      <section className="inspection-session">
        {inspection?.status === 'closed' ? <SessionView inspection={inspection} /> : <p>{t('inspectionUi.session.none')}</p>}
        <button type="button" onClick={start} data-testid="session-start">
          {t('inspectionUi.session.start')}
        </button>
      </section>
    );
  }
  return <SessionView inspection={inspection} />;
}

function SessionView({ inspection }: { inspection: Inspection }) {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const tables = useFineTables();
  const exports = useInspectionExports();
  const editable = inspection.status !== 'closed';
  const change = (update: (current: Inspection) => Inspection) => void changeInspection(db, inspection.id, update);
  const setText = (field: TextField, value: string) => change((current) => ({ ...current, [field]: value }));
  const setOrg = (field: OrgField, value: string) => change((current) => ({ ...current, organisation: { ...current.organisation, [field]: value } }));
  const setItem = (id: string, update: Partial<InspectionItem>) => change((current) => ({ ...current, items: current.items.map((item) => (item.id === id ? { ...item, ...update } : item)) }));
  const idProblem = inspection.organisation.idNumber !== '' && !isValidOrganisationId(inspection.organisation.idNumber);
  const totals = totalsByVerdict(inspection.items);
  const estimate = tables ? estimateFine(tables, { entityCategory: inspection.organisation.category, offence: inspection.offence, date: inspection.date, violations: violationCount(inspection.items) }) : undefined;
  const fine = estimate ? fineMessage(estimate) : undefined;
  const numbers = numberFormat(i18n.language);
  const copyDate = inspection.copy.date ? dateTimeFormat(i18n.language, { date: 'long' }).format(inspection.copy.date) : '—';

  return (
    <section className="inspection-session" data-testid="session" data-status={inspection.status}>
      <p>
        <strong>{t(`inspectionUi.session.${inspection.status}`)}</strong> · {t('inspectionUi.session.saved')} ·{' '}
        {t('inspectionUi.session.copyUsed', { date: copyDate, count: numbers.format(inspection.copy.count) })}
      </p>
      <fieldset disabled={!editable}>
        <legend>{t('inspectionUi.session.organisation')}</legend>
        <div className="fields-grid">
          <label>
            {t('inspectionUi.session.idNumber')}
            <input defaultValue={inspection.organisation.idNumber} inputMode="numeric" maxLength={12} onChange={(event) => setOrg('idNumber', event.target.value.trim())} aria-invalid={idProblem} data-testid="org-id" />
            {idProblem ? (
              <span className="field-problem" role="alert" data-testid="org-id-problem">
                {t('inspection.organisation.badId')}
              </span>
            ) : null}
          </label>
          <label>
            {t('inspectionUi.session.name')}
            <input defaultValue={inspection.organisation.name} onChange={(event) => setOrg('name', event.target.value)} data-testid="org-name" />
          </label>
          <label>
            {t('inspectionUi.session.address')}
            <input defaultValue={inspection.organisation.address} onChange={(event) => setOrg('address', event.target.value)} data-testid="org-address" />
          </label>
          <label className="wide-field">
            {t('inspectionUi.session.category')}
            <select value={inspection.organisation.category} onChange={(event) => {
                // Read now: the updater runs later, when React has already put the controlled value back.
                const category = event.target.value as Inspection['organisation']['category'];
                change((current) => ({ ...current, organisation: { ...current.organisation, category } }));
              }} data-testid="org-category">
              {entityCategories.map((category) => (
                <option key={category} value={category}>
                  {t(`inspection.fine.category.${category}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('inspectionUi.session.offence')}
            <select value={inspection.offence} onChange={(event) => {
                const offence = event.target.value as Inspection['offence'];
                change((current) => ({ ...current, offence }));
              }} data-testid="offence">
              {offenceKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`inspection.fine.offence.${kind}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('inspectionUi.session.place')}
            <input defaultValue={inspection.place} onChange={(event) => setText('place', event.target.value)} data-testid="place" />
          </label>
          <label>
            {t('inspectionUi.session.inspector')}
            <input defaultValue={inspection.inspector} onChange={(event) => setText('inspector', event.target.value)} data-testid="inspector" />
          </label>
          <label>
            {t('inspectionUi.session.date')}
            <DateField value={inspection.date} onChange={(date) => date && setText('date', date)} data-testid="date" />
          </label>
        </div>
      </fieldset>

      <h2>{t('inspectionUi.session.items', { count: inspection.items.length })}</h2>
      {inspection.items.length === 0 ? (
        <p>{t('inspectionUi.session.noItemsYet')}</p>
      ) : (
        <table data-testid="session-items">
          <thead>
            <tr>
              <th>{t('inspectionUi.session.code')}</th>
              <th>{t('inspectionUi.session.product')}</th>
              <th>{t('inspectionUi.session.verdict')}</th>
              <th>{t('inspectionUi.session.quantity')}</th>
              <th>{t('inspectionUi.session.note')}</th>
              <th>{t('inspectionUi.session.photos')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {inspection.items.map((item) => (
              <ItemRow key={item.id} inspectionId={inspection.id} item={item} editable={editable} onChange={(update) => setItem(item.id, update)} onRemove={() => change((current) => ({ ...current, items: current.items.filter((candidate) => candidate.id !== item.id) }))} />
            ))}
          </tbody>
        </table>
      )}

      <h2>{t('inspectionUi.session.totals')}</h2>
      <ul data-testid="session-totals">
        {verdictKinds
          .filter((kind) => totals[kind].lines > 0)
          .map((kind) => (
            <li key={kind} data-verdict={kind}>
              {t(verdictKey(kind))}: {totals[kind].lines} ({numbers.format(totals[kind].quantity)})
            </li>
          ))}
      </ul>
      <h2>{t('inspectionUi.session.fine')}</h2>
      {fine ? (
        <p data-testid="session-fine">
          {t(fine.key, { ...fine.params, ...(typeof fine.params['amount'] === 'number' ? { amount: numbers.format(fine.params['amount']) } : {}), ...(estimate?.kind === 'no-rule' ? { category: t(`inspection.fine.category.${estimate.entityCategory}`), offence: t(`inspection.fine.offence.${estimate.offence}`) } : {}) })}
          {isDefaultFineSource(tables?.source) ? <small> {t('inspection.fine.defaultSource')}</small> : tables?.source ? <small data-catalogue-data> {tables.source}</small> : null}
          {estimate?.kind === 'no-rule' || estimate?.kind === 'no-mci' ? (
            <>
              {' '}
              <a href={settingsSectionHref(settingsSections.fineTables)} data-testid="session-fine-settings">
                {t('inspectionUi.fines.editInSettings')}
              </a>
            </>
          ) : null}
        </p>
      ) : null}

      <div className="toolbar">
        {inspection.status === 'open' ? (
          <button type="button" onClick={() => change((current) => ({ ...current, status: 'paused' }))} data-testid="session-pause">
            {t('inspectionUi.session.pause')}
          </button>
        ) : null}
        {inspection.status === 'paused' ? (
          <button type="button" onClick={() => change((current) => ({ ...current, status: 'open' }))} data-testid="session-resume">
            {t('inspectionUi.session.resume')}
          </button>
        ) : null}
        {editable ? (
          <button type="button" onClick={() => change((current) => ({ ...current, status: 'closed' }))} data-testid="session-close">
            {t('inspectionUi.session.close')}
          </button>
        ) : (
          <button type="button" onClick={() => void setCurrentInspection(db, undefined)}>
            ✕
          </button>
        )}
        <button type="button" onClick={() => void exports.act(inspection)} disabled={exports.busy} data-testid="session-act">
          {t('inspectionUi.session.act')}
        </button>
        <button type="button" onClick={() => void exports.print(inspection)} disabled={exports.busy} data-testid="session-print">
          {t('inspectionUi.session.print')}
        </button>
        <button type="button" onClick={() => void exports.xlsx(inspection)} disabled={exports.busy} data-testid="session-xlsx">
          {t('inspectionUi.session.xlsx')}
        </button>
      </div>
      {exports.error ? (
        <p role="alert" className="error-message">
          {exports.error}
        </p>
      ) : null}
    </section>
  );
}

function ItemRow({ inspectionId, item, editable, onChange, onRemove }: { inspectionId: string; item: InspectionItem; editable: boolean; onChange: (update: Partial<InspectionItem>) => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const [quantityProblem, setQuantityProblem] = useState(false);
  const names = item.cards.map((card) => `${card.nameKk} / ${card.nameRu}`).join('; ');
  return (
    <tr className={`verdict-row verdict-${item.verdict}`} data-testid="session-item" data-verdict={item.verdict} data-code={item.input}>
      <td>
        <code>{item.input}</code>
      </td>
      {item.verdict === 'invalid' && item.problem ? <td>{t(item.problem.key, item.problem.params ?? {})}</td> : <td data-catalogue-data>{names || '—'}</td>}
      <td>{t(verdictKey(item.verdict))}</td>
      <td>
        <input
          type="number"
          min={1}
          defaultValue={item.quantity}
          disabled={!editable}
          aria-invalid={quantityProblem}
          data-testid="item-quantity"
          onChange={(event) => {
            const quantity = parseQuantity(event.target.value);
            setQuantityProblem(quantity === undefined);
            if (quantity !== undefined) onChange({ quantity });
          }}
        />
        {quantityProblem ? (
          <span className="field-problem" role="alert">
            {t('inspectionUi.session.badQuantity')}
          </span>
        ) : null}
      </td>
      <td>
        <input defaultValue={item.note} disabled={!editable} onChange={(event) => onChange({ note: event.target.value })} data-testid="item-note" />
      </td>
      <td>
        <ItemPhotos inspectionId={inspectionId} itemId={item.id} photos={item.photos ?? []} editable={editable} />
      </td>
      <td>
        {editable ? (
          <button type="button" onClick={onRemove} aria-label={t('inspectionUi.session.remove')}>
            ✕
          </button>
        ) : null}
      </td>
    </tr>
  );
}
