/**
 * An inspection as an XLSX workbook: one sheet of product lines (code, NTINs, names in Kazakh and Russian,
 * verdict, quantity, note, time) and one of the inspection's facts and totals, headings in the chosen language.
 */
import ExcelJS from 'exceljs';
import type { Locale } from '../i18n/locales.ts';
import { createTranslator } from '../i18n/translate.ts';
import { totalsByVerdict, type Inspection } from './session.ts';
import { verdictKey, verdictKinds } from './verdict.ts';

export async function inspectionWorkbook(inspection: Inspection, locale: Locale): Promise<Uint8Array> {
  const t = createTranslator(locale);
  const workbook = new ExcelJS.Workbook();
  const items = workbook.addWorksheet(t('inspection.act.items').slice(0, 31));
  items.columns = [
    { header: t('inspection.act.number'), key: 'n', width: 6 },
    { header: t('inspection.act.code'), key: 'code', width: 18 },
    { header: 'NTIN', key: 'ntins', width: 18 },
    { header: `${t('inspection.act.name')} (kk)`, key: 'nameKk', width: 40 },
    { header: `${t('inspection.act.name')} (ru)`, key: 'nameRu', width: 40 },
    { header: t('inspection.act.verdict'), key: 'verdict', width: 26 },
    { header: t('inspection.act.quantity'), key: 'quantity', width: 10 },
    { header: t('inspection.act.note'), key: 'note', width: 30 },
    { header: 'ISO time', key: 'at', width: 22 },
  ];
  items.getRow(1).font = { bold: true };
  inspection.items.forEach((item, index) => {
    items.addRow({
      n: index + 1,
      // Text, not numbers: a 13-digit code must keep its leading zero.
      code: item.input,
      ntins: item.cards.map((card) => card.ntin).join(', '),
      nameKk: item.cards.map((card) => card.nameKk).join('; '),
      nameRu: item.cards.map((card) => card.nameRu).join('; '),
      verdict: t(verdictKey(item.verdict)) + (item.problem ? `: ${t(item.problem.key, item.problem.params ?? {})}` : ''),
      quantity: item.quantity,
      note: item.note,
      at: item.scannedAt,
    });
  });
  const facts = workbook.addWorksheet(t('inspection.act.organisation').slice(0, 31));
  const org = inspection.organisation;
  const rows: [string, string | number][] = [
    [t('inspection.act.organisation'), org.name],
    [t('inspection.act.idNumber'), org.idNumber],
    [t('inspection.act.address'), org.address],
    [t('inspection.act.place'), inspection.place],
    [t('inspection.act.inspector'), inspection.inspector],
    [t('inspection.act.date'), inspection.date],
    [t('inspection.act.copy', { date: inspection.copy.date?.slice(0, 10) ?? '—', count: inspection.copy.count }), ''],
  ];
  const totals = totalsByVerdict(inspection.items);
  for (const kind of verdictKinds) if (totals[kind].lines > 0) rows.push([t(verdictKey(kind)), totals[kind].quantity]);
  for (const row of rows) facts.addRow(row);
  facts.getColumn(1).width = 50;
  facts.getColumn(2).width = 40;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
