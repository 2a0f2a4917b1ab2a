import { defineMessages } from '../i18n/locales.ts';

/*
 * Messages of the `labels` namespace (registered in src/shared/i18n/resources.ts): a key here is used as
 * `labels.<path>`, e.g. `labels.layout.fieldsDoNotFit`. `{{name}}` placeholders come from the error's params.
 */

const en = {
  code: {
    missing: 'The code (NTIN or GTIN) is missing.',
    gtin8: 'GTIN-8 {{code}} must be printed as an EAN-8 symbol; padding it to EAN-13 would make a different number. EAN-8 labels are not supported yet.',
    gtin14Indicator: 'GTIN-14 {{code}} has indicator digit {{indicator}}: it can only be printed as ITF-14 or GS1-128, not as an EAN-13.',
  },
  record: {
    badCopies: 'Copies must be a whole number from 1 to {{max}}, not “{{value}}”.',
    missingGlyph: 'The label font cannot draw “{{char}}” ({{codePoint}}).',
  },
  template: {
    unknown: 'Unknown label template “{{id}}”. Known templates: {{known}}.',
    badDpi: 'This template prints at {{choices}} dpi, not {{dpi}}.',
    badNumber: 'Template field {{field}} has an invalid value: {{value}}.',
    overlap: 'The labels overlap: the {{axis}} pitch {{pitch}} mm is smaller than the label ({{size}} mm).',
    offPage: 'The labels leave the page along {{axis}}: they need {{needed}} mm, the page has {{page}} mm.',
  },
  options: {
    badCalibration: 'Calibration out of range: offsets must be within ±20 mm and scales within 0.9–1.1 (got offset {{offsetXMm}}/{{offsetYMm}} mm, scale {{scaleX}}/{{scaleY}}).',
    badStart: 'The start position must be a label number from 1 to {{max}}, not {{start}}.',
  },
  symbol: {
    moduleOutOfRange: 'A module width of {{moduleMm}} mm is outside GS1’s range for this stock: {{minMm}}–{{maxMm}} mm ({{minPercent}}–{{maxPercent}} %).',
    magnificationOutOfRange: 'A magnification of {{magnification}} % is outside GS1’s range {{minPercent}}–{{maxPercent}} %.',
    barHeightTooShort: 'Bars of {{barHeightMm}} mm are shorter than GS1 allows: at least {{minBarHeightMm}} mm even at the smallest module ({{moduleMm}} mm, {{magnification}} %). Bars are never truncated.',
  },
  layout: {
    symbolDoesNotFit: 'Template {{template}} cannot hold a GS1-compliant EAN-13: even at {{moduleMm}} mm ({{magnification}} %) with {{barHeightMm}} mm bars the symbol with quiet zones and digits needs {{neededWidthMm}} × {{neededHeightMm}} mm, and the label has {{availableWidthMm}} × {{availableHeightMm}} mm inside its margins.',
    fieldsDoNotFit: 'Template {{template}} cannot hold a GS1-compliant EAN-13 together with {{fields}}: at {{moduleMm}} mm ({{magnification}} %, {{barHeightMm}} mm bars) and the smallest text it needs {{neededHeightMm}} mm of height with the text above the symbol, or {{neededWidthMm}} mm of width with the text beside it; the label has {{availableWidthMm}} × {{availableHeightMm}} mm inside its margins. Show fewer fields or use larger labels.',
  },
  zpl: {
    notThermal: 'ZPL is for thermal printers; template {{template}} is a sheet template (print the PDF instead).',
  },
  csv: {
    missingColumn: 'The CSV has no “{{column}}” column (found: {{found}}).',
    empty: 'The CSV has no header row.',
    noRows: 'The CSV has no product rows: nothing to print.',
  },
  cli: {
    summary: '{{labels}} labels on {{pages}} pages from {{rows}} rows; {{failed}} rows failed.',
  },
};

export const labelsMessages = defineMessages(en, {
  ru: {
    code: {
      missing: 'Не указан код (NTIN или GTIN).',
      gtin8: 'GTIN-8 {{code}} печатается символом EAN-8; дополнение до EAN-13 дало бы другой номер. Этикетки EAN-8 пока не поддерживаются.',
      gtin14Indicator: 'У GTIN-14 {{code}} индикатор {{indicator}}: такой код печатается только как ITF-14 или GS1-128, не как EAN-13.',
    },
    record: {
      badCopies: 'Число копий — целое число от 1 до {{max}}, а не «{{value}}».',
      missingGlyph: 'В шрифте этикетки нет символа «{{char}}» ({{codePoint}}).',
    },
    template: {
      unknown: 'Неизвестный шаблон этикеток «{{id}}». Известные шаблоны: {{known}}.',
      badDpi: 'Этот шаблон печатается с разрешением {{choices}} dpi, а не {{dpi}}.',
      badNumber: 'Поле шаблона {{field}} имеет недопустимое значение: {{value}}.',
      overlap: 'Этикетки перекрываются: шаг по {{axis}} {{pitch}} мм меньше этикетки ({{size}} мм).',
      offPage: 'Этикетки выходят за лист по {{axis}}: нужно {{needed}} мм, а на листе {{page}} мм.',
    },
    options: {
      badCalibration: 'Калибровка вне допустимых пределов: смещения в пределах ±20 мм, масштаб 0,9–1,1 (задано смещение {{offsetXMm}}/{{offsetYMm}} мм, масштаб {{scaleX}}/{{scaleY}}).',
      badStart: 'Начальная позиция — номер этикетки от 1 до {{max}}, а не {{start}}.',
    },
    symbol: {
      moduleOutOfRange: 'Ширина модуля {{moduleMm}} мм вне диапазона GS1 для этого носителя: {{minMm}}–{{maxMm}} мм ({{minPercent}}–{{maxPercent}} %).',
      magnificationOutOfRange: 'Увеличение {{magnification}} % вне диапазона GS1 {{minPercent}}–{{maxPercent}} %.',
      barHeightTooShort: 'Штрихи высотой {{barHeightMm}} мм короче, чем допускает GS1: не менее {{minBarHeightMm}} мм даже при наименьшем модуле ({{moduleMm}} мм, {{magnification}} %). Штрихи не укорачиваются.',
    },
    layout: {
      symbolDoesNotFit: 'Шаблон {{template}} не вмещает EAN-13 по требованиям GS1: даже при модуле {{moduleMm}} мм ({{magnification}} %) и штрихах {{barHeightMm}} мм символу со свободными зонами и цифрами нужно {{neededWidthMm}} × {{neededHeightMm}} мм, а внутри полей этикетки {{availableWidthMm}} × {{availableHeightMm}} мм.',
      fieldsDoNotFit: 'Шаблон {{template}} не вмещает EAN-13 по требованиям GS1 вместе с полями {{fields}}: при модуле {{moduleMm}} мм ({{magnification}} %, штрихи {{barHeightMm}} мм) и самом мелком тексте нужно {{neededHeightMm}} мм высоты, если текст над символом, или {{neededWidthMm}} мм ширины, если текст сбоку; внутри полей этикетки {{availableWidthMm}} × {{availableHeightMm}} мм. Уберите часть полей или возьмите этикетки крупнее.',
    },
    zpl: {
      notThermal: 'ZPL предназначен для термопринтеров; шаблон {{template}} — листовой (печатайте PDF).',
    },
    csv: {
      missingColumn: 'В CSV нет столбца «{{column}}» (есть: {{found}}).',
      empty: 'В CSV нет строки заголовка.',
      noRows: 'В CSV нет строк с товарами: печатать нечего.',
    },
    cli: {
      summary: 'Этикеток: {{labels}} на {{pages}} стр. из {{rows}} строк; строк с ошибками: {{failed}}.',
    },
  },
  kk: {
    code: {
      missing: 'Код (NTIN немесе GTIN) көрсетілмеген.',
      gtin8: 'GTIN-8 {{code}} EAN-8 символымен басылады; оны EAN-13-ке толықтыру басқа нөмір береді. EAN-8 заттаңбалары әзірге қолдау көрсетілмейді.',
      gtin14Indicator: 'GTIN-14 {{code}} индикатор цифрасы {{indicator}}: мұндай код EAN-13 емес, тек ITF-14 немесе GS1-128 ретінде басылады.',
    },
    record: {
      badCopies: 'Көшірме саны 1-ден {{max}}-ға дейінгі бүтін сан болуы керек, «{{value}}» емес.',
      missingGlyph: 'Заттаңба қарпінде «{{char}}» ({{codePoint}}) таңбасы жоқ.',
    },
    template: {
      unknown: '«{{id}}» заттаңба үлгісі белгісіз. Белгілі үлгілер: {{known}}.',
      badDpi: 'Бұл үлгі {{dpi}} емес, {{choices}} dpi ажыратымдылығымен басылады.',
      badNumber: 'Үлгінің {{field}} өрісінің мәні жарамсыз: {{value}}.',
      overlap: 'Заттаңбалар бір-бірін жабады: {{axis}} бойынша {{pitch}} мм қадам заттаңбадан ({{size}} мм) кіші.',
      offPage: 'Заттаңбалар {{axis}} бойынша парақтан шығып кетеді: {{needed}} мм қажет, ал парақта {{page}} мм.',
    },
    options: {
      badCalibration: 'Калибрлеу рұқсат етілген шектен тыс: ығысу ±20 мм ішінде, масштаб 0,9–1,1 болуы керек (берілгені: ығысу {{offsetXMm}}/{{offsetYMm}} мм, масштаб {{scaleX}}/{{scaleY}}).',
      badStart: 'Бастапқы орын — 1-ден {{max}}-ға дейінгі заттаңба нөмірі, {{start}} емес.',
    },
    symbol: {
      moduleOutOfRange: '{{moduleMm}} мм модуль ені бұл тасығыш үшін GS1 ауқымынан тыс: {{minMm}}–{{maxMm}} мм ({{minPercent}}–{{maxPercent}} %).',
      magnificationOutOfRange: '{{magnification}} % үлкейту GS1 ауқымынан ({{minPercent}}–{{maxPercent}} %) тыс.',
      barHeightTooShort: '{{barHeightMm}} мм штрихтар GS1 рұқсат еткеннен қысқа: ең кіші модульде де ({{moduleMm}} мм, {{magnification}} %) кемінде {{minBarHeightMm}} мм. Штрихтар қысқартылмайды.',
    },
    layout: {
      symbolDoesNotFit: '{{template}} үлгісіне GS1 талаптарына сай EAN-13 сыймайды: {{moduleMm}} мм модульде ({{magnification}} %) және {{barHeightMm}} мм штрихтарда да бос аймақтары мен цифрлары бар символға {{neededWidthMm}} × {{neededHeightMm}} мм қажет, ал заттаңба шеттерінің ішінде {{availableWidthMm}} × {{availableHeightMm}} мм.',
      fieldsDoNotFit: '{{template}} үлгісіне GS1 талаптарына сай EAN-13 {{fields}} өрістерімен бірге сыймайды: {{moduleMm}} мм модульде ({{magnification}} %, штрихтар {{barHeightMm}} мм) және ең кіші мәтінде мәтін символдың үстінде болса {{neededHeightMm}} мм биіктік, қасында болса {{neededWidthMm}} мм ен қажет; заттаңба шеттерінің ішінде {{availableWidthMm}} × {{availableHeightMm}} мм. Өрістерді азайтыңыз немесе үлкенірек заттаңба алыңыз.',
    },
    zpl: {
      notThermal: 'ZPL термопринтерлерге арналған; {{template}} үлгісі парақтық (PDF басып шығарыңыз).',
    },
    csv: {
      missingColumn: 'CSV-де «{{column}}» бағаны жоқ (бар бағандар: {{found}}).',
      empty: 'CSV-де тақырып жолы жоқ.',
      noRows: 'CSV-де тауар жолдары жоқ: басып шығаратын ештеңе жоқ.',
    },
    cli: {
      summary: '{{rows}} жолдан {{pages}} бетте {{labels}} заттаңба; қатесі бар жолдар: {{failed}}.',
    },
  },
});

/** Dotted paths of the string leaves of a message table. */
type LeafPaths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${LeafPaths<T[K]>}`;
}[keyof T & string];

/** Every key of this namespace as the translator takes it, e.g. `labels.layout.fieldsDoNotFit`. */
export type LabelsMessageKey = `labels.${LeafPaths<typeof en>}`;
