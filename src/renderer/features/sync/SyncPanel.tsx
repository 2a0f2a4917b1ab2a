import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateMatch, RequestShort } from '../../../shared/catalogue/dto.ts';
import { appStateOf } from '../../../shared/sync/status.ts';
import type { SyncProblem, SyncRecord } from '../../../shared/sync/types.ts';
import { useDatabase } from '../../db/context.tsx';
import { useSyncRecords } from '../../db/sync-hooks.ts';
import { dateTimeFormat, formatMegabytes, formatNumber } from '../../app/format.ts';
import { offerToLabelQueue } from '../../db/sync-store.ts';
import { useEngineSnapshot, useSyncHost } from './SyncProvider.tsx';
import './sync.css';

function nameOf(record: SyncRecord): string {
  return record.job.body.attributes.find((attribute) => attribute.code === 'name_ru')?.value ?? record.applicationId;
}

function ProblemText({ problem }: { problem: SyncProblem }) {
  const { t } = useTranslation();
  return <span role="alert" className="sync-problem">{t(problem.code, problem.params ?? {})}</span>;
}

/** Overall progress: applications and bytes, rate and ETA (from this window's run). */
function Progress({ records, startedAt }: { records: SyncRecord[]; startedAt: number }) {
  const { t, i18n } = useTranslation();
  const snapshot = useEngineSnapshot();
  const sent = records.filter((record) => record.phase === 'sent').length;
  const failed = records.filter((record) => record.phase === 'failed').length;
  const pending = records.filter((record) => record.phase === 'pending').length;
  // Rate from this window's start to the latest step recorded (render stays pure: no clock read here).
  const latest = records.reduce((max, record) => Math.max(max, record.updatedAt), startedAt);
  const minutes = Math.max((latest - startedAt) / 60_000, 1 / 60);
  const sentHere = records.filter((record) => record.phase === 'sent' && record.updatedAt >= startedAt).length;
  const perMinute = sentHere / minutes;
  const uploadedBytes = snapshot?.bytes.done ?? 0;
  const counts = { sent: formatNumber(sent, i18n.language), total: formatNumber(records.length, i18n.language), failed: formatNumber(failed, i18n.language) };
  return (
    <div className="sync-progress" aria-live="polite">
      <progress max={Math.max(records.length, 1)} value={sent} />
      <span data-testid="sync-progress">
        {uploadedBytes > 0
          ? t('sync.ui.progress', { ...counts, megabytes: formatMegabytes(uploadedBytes, i18n.language) })
          : t('sync.ui.progressNoUpload', counts)}
      </span>
      {pending > 0 && perMinute > 0 ? <span>{t('sync.ui.rate', { perMinute: formatNumber(perMinute, i18n.language, { maximumFractionDigits: 1, minimumFractionDigits: 1 }), minutes: Math.ceil(pending / perMinute) })}</span> : null}
    </div>
  );
}

function Duplicates({ record }: { record: SyncRecord }) {
  const { t, i18n } = useTranslation();
  const host = useSyncHost();
  const [candidates, setCandidates] = useState<DuplicateMatch[]>();
  const engine = host?.engine();
  if (!engine) return null;
  if (!candidates) {
    return (
      <button type="button" onClick={() => void engine.duplicates(record.applicationId).then(setCandidates)}>
        {t('sync.ui.reviewDuplicates')}
      </button>
    );
  }
  return (
    <div className="sync-duplicates">
      <div className="sync-duplicate-card sync-duplicate-own">
        <strong>{nameOf(record)}</strong>
        <button type="button" onClick={() => void engine.decideDuplicate(record.applicationId, { decision: 'CONTINUE' })}>
          {t('sync.ui.continueNew')}
        </button>
      </div>
      {candidates.map((candidate) => (
        <div key={candidate.ntin} className="sync-duplicate-card">
          <strong>{candidate.name}</strong>
          <span>{candidate.brand}</span>
          <span>{t('sync.ui.similarity', { percent: formatNumber(candidate.similarity, i18n.language, { maximumFractionDigits: 1, minimumFractionDigits: 1 }) })}</span>
          <button type="button" onClick={() => void engine.decideDuplicate(record.applicationId, { decision: 'USE_EXISTING', ntin: candidate.ntin })}>
            {t('sync.ui.useExisting', { ntin: candidate.ntin })}
          </button>
        </div>
      ))}
    </div>
  );
}

function Remarks({ record }: { record: SyncRecord }) {
  const { t } = useTranslation();
  const status = record.remote?.status;
  if (!status) return null;
  const gz = status.gzStatus;
  return (
    <div className="sync-remarks">
      {status.comment || status.reason ? <p>{status.comment ?? status.reason}</p> : null}
      {status.revisionDetails && status.revisionDetails.length > 0 ? (
        <ul aria-label={t('sync.ui.remarks')}>
          {status.revisionDetails.map((detail, index) => (
            <li key={`${detail.attributeCode ?? ''}-${String(index)}`}>
              <code>{detail.attributeCode}</code>: {detail.comment}
            </li>
          ))}
        </ul>
      ) : null}
      {status.photoModeration ? <p>{t('sync.ui.photoScore', { score: status.photoModeration.score, comment: status.photoModeration.comment ?? '' })}</p> : null}
      {gz ? <p>{t('sync.ui.gzStatus', { status: gz.value ?? gz.code })}</p> : null}
    </div>
  );
}

function Row({ record }: { record: SyncRecord }) {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const host = useSyncHost();
  const engine = host?.engine();
  const state = appStateOf(record);
  const time = dateTimeFormat(i18n.language, { date: 'short', time: true });
  return (
    <tr data-testid="sync-row" data-state={state}>
      <td>
        <div data-catalogue-data>{nameOf(record)}</div>
        {record.requestId !== undefined ? <small>{t('sync.ui.request', { id: record.requestId })}</small> : null}
      </td>
      <td>
        <span className={`sync-state sync-state-${state}`}>{t(`sync.states.${state}`)}</span>
        {record.phase === 'pending' ? <small> · {t(`sync.steps.${record.step}`)}</small> : null}
        {record.remote?.ntin ? <div>{t('sync.ui.ntin', { ntin: record.remote.ntin })}</div> : null}
        {record.problem ? <ProblemText problem={record.problem} /> : null}
        {state === 'needsRework' || state === 'rejected' || record.remote?.status?.gzStatus ? <Remarks record={record} /> : null}
        {state === 'duplicateReview' ? <Duplicates record={record} /> : null}
        {record.history.length > 0 ? (
          <details>
            <summary>{t('sync.ui.history')}</summary>
            <ol className="sync-history">
              {record.history.map((entry) => (
                <li key={`${entry.code}-${String(entry.at)}`}>
                  {time.format(entry.at)} — {t(`sync.requestStatus.${entry.code}`, { defaultValue: entry.code })}
                </li>
              ))}
            </ol>
          </details>
        ) : null}
      </td>
      <td className="sync-actions">
        {engine && (record.phase === 'failed' || record.phase === 'cancelled') ? (
          <button type="button" onClick={() => void engine.retry(record.applicationId)}>{t('sync.ui.retry')}</button>
        ) : null}
        {engine && record.phase === 'pending' ? (
          <button type="button" onClick={() => void engine.cancel(record.applicationId)}>{t('sync.ui.cancel')}</button>
        ) : null}
        {state === 'hasNtin' || state === 'existingChosen' ? (
          <button type="button" onClick={() => void offerToLabelQueue(db, record.applicationId)}>{t('sync.ui.toLabels')}</button>
        ) : null}
        {engine && state === 'readyToPublish' ? (
          <button type="button" onClick={() => void engine.publish(record.applicationId)}>{t('sync.ui.publish')}</button>
        ) : null}
        {engine && record.requestId !== undefined && (record.phase === 'failed' || record.remote?.code === 'new') ? (
          <button type="button" onClick={() => void engine.deleteRemote(record.applicationId)}>{t('sync.ui.deleteRemote')}</button>
        ) : null}
        {engine && record.remote?.code === 'onModeration' ? (
          <button type="button" onClick={() => void engine.withdraw(record.applicationId)}>{t('sync.ui.withdraw')}</button>
        ) : null}
      </td>
    </tr>
  );
}

/** Requests made with the same key in the portal or another system, offered for adoption. */
function Foreign() {
  const { t } = useTranslation();
  const host = useSyncHost();
  const foreign = useSyncExternalStore(host ? host.subscribe : noSubscription, () => host?.foreign() ?? none);
  if (!host || foreign.length === 0) return null;
  return (
    <details className="sync-foreign">
      <summary>{t('sync.ui.foreign', { count: foreign.length })}</summary>
      <ul>
        {foreign.map((item) => (
          <li key={item.id} data-testid="sync-foreign">
            {t('sync.ui.request', { id: item.id })} · <span data-catalogue-data>{item.productData.nameRu ?? ''}</span> · {t(`sync.requestStatus.${item.status.code}`, { defaultValue: item.status.value ?? item.status.code })}{' '}
            <button type="button" onClick={() => void host.adopt(item.id)}>{t('sync.ui.adopt')}</button>
          </li>
        ))}
      </ul>
    </details>
  );
}

const none: readonly RequestShort[] = [];
const noSubscription = () => () => {};

/** The sync panel: overall progress, engine controls, one row per application with its step, status and actions. */
export function SyncPanel() {
  const { t } = useTranslation();
  const records = useSyncRecords();
  const host = useSyncHost();
  const snapshot = useEngineSnapshot();
  const [startedAt] = useState(() => Date.now());
  const engine = host?.engine();
  const ready = (records ?? []).filter((record) => appStateOf(record) === 'readyToPublish');
  return (
    <section className="sync-panel" aria-labelledby="sync-title">
      <h2 id="sync-title">{t('sync.ui.title')}</h2>
      <div className="sync-toolbar">
        {snapshot ? <span data-testid="sync-engine-state">{t(`sync.engine.${snapshot.state}`)}</span> : <span>{t('sync.ui.otherWindow')}</span>}
        {engine && snapshot?.state === 'paused' ? (
          <button type="button" onClick={() => engine.resume()}>{t('sync.ui.resume')}</button>
        ) : engine && snapshot?.state !== 'stopped' ? (
          <button type="button" onClick={() => engine.pause()}>{t('sync.ui.pause')}</button>
        ) : null}
        {engine && snapshot?.state === 'stopped' ? (
          <button type="button" onClick={() => host?.restart()}>{t('sync.ui.restart')}</button>
        ) : null}
        <button type="button" onClick={() => void host?.pollNow()} disabled={!engine}>{t('sync.ui.pollNow')}</button>
        {engine && ready.length > 0 ? (
          <button type="button" onClick={() => void Promise.all(ready.map((record) => engine.publish(record.applicationId)))}>
            {t('sync.ui.publishAll', { count: ready.length })}
          </button>
        ) : null}
      </div>
      {snapshot?.problem ? <ProblemText problem={snapshot.problem} /> : null}
      <Foreign />
      {records === undefined ? null : records.length === 0 ? (
        <p>{t('sync.ui.empty')}</p>
      ) : (
        <>
          <Progress records={records} startedAt={startedAt} />
          <table className="sync-table">
            <thead>
              <tr>
                <th>{t('sync.ui.name')}</th>
                <th>{t('sync.ui.state')}</th>
                <th>{t('sync.ui.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {records.map((record) => (
                <Row key={record.applicationId} record={record} />
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
