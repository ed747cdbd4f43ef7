/**
 * The browser page's own words (the tabs bring theirs from templates/ui/taskpane.json): opening
 * a file, starting a new workbook, downloading, and the preview of a sheet.
 */
import { fillPlaceholders, type Lang, type Localized } from '../core/language';

const BROWSER_STRINGS = {
  'page.title': { nb: 'Samspill i nettleseren', nn: 'Samspill i nettlesaren', en: 'Samspill in the browser' },
  'page.privacy': {
    nb: 'Arbeidsboken blir i nettleseren din. Ingenting lastes opp; du lagrer resultatet med «Last ned».',
    nn: 'Arbeidsboka blir verande i nettlesaren din. Ingenting vert lasta opp; du lagrar resultatet med «Last ned».',
    en: 'The workbook stays in your browser. Nothing is uploaded; you keep the result with “Download”.',
  },
  'file.bar': { nb: 'Arbeidsbok', nn: 'Arbeidsbok', en: 'Workbook' },
  'file.open': { nb: 'Åpne en .xlsx-fil', nn: 'Opne ei .xlsx-fil', en: 'Open an .xlsx file' },
  'file.drop': { nb: '… eller slipp en .xlsx-fil her', nn: '… eller slepp ei .xlsx-fil her', en: '… or drop an .xlsx file here' },
  'file.new': { nb: 'Ny arbeidsbok', nn: 'Ny arbeidsbok', en: 'New workbook' },
  'file.download': { nb: 'Last ned', nn: 'Last ned', en: 'Download' },
  'file.opening': { nb: 'Åpner …', nn: 'Opnar …', en: 'Opening …' },
  'file.current': { nb: 'Åpen: {file}', nn: 'Open: {file}', en: 'Open: {file}' },
  'file.unsaved': { nb: 'endringer som ikke er lastet ned', nn: 'endringar som ikkje er lasta ned', en: 'changes not downloaded yet' },
  'file.newName': { nb: 'samspill.xlsx', nn: 'samspill.xlsx', en: 'samspill.xlsx' },
  'file.notXlsx': {
    nb: '«{file}» kunne ikke åpnes som en Excel-arbeidsbok (.xlsx): {reason}',
    nn: '«{file}» kunne ikkje opnast som ei Excel-arbeidsbok (.xlsx): {reason}',
    en: '“{file}” could not be opened as an Excel workbook (.xlsx): {reason}',
  },
  'file.leave': {
    nb: 'Du har endringer som ikke er lastet ned.',
    nn: 'Du har endringar som ikkje er lasta ned.',
    en: 'You have changes that are not downloaded.',
  },
  'start.body': {
    nb: 'Åpne en arbeidsbok fra maskinen din, eller start en ny med alle malene. Deretter har du de samme fanene som i Excel-tillegget.',
    nn: 'Opne ei arbeidsbok frå maskina di, eller start ei ny med alle malane. Deretter har du dei same fanene som i Excel-tillegget.',
    en: 'Open a workbook from your computer, or start a new one with every template. You then have the same tabs as in the Excel add-in.',
  },
  'preview.label': { nb: 'Forhåndsvisning av {sheet}', nn: 'Førehandsvising av {sheet}', en: 'Preview of {sheet}' },
  'preview.heading': { nb: '{sheet}, celle {cell}', nn: '{sheet}, celle {cell}', en: '{sheet}, cell {cell}' },
  'preview.readOnly': {
    nb: 'Bare visning. Endre verdien i Excel eller med skjemaene, og last ned på nytt.',
    nn: 'Berre vising. Endra verdien i Excel eller med skjemaa, og last ned på nytt.',
    en: 'Read only. Change the value in Excel or through the forms, then download again.',
  },
  'preview.close': { nb: 'Lukk visningen', nn: 'Lukk visinga', en: 'Close the preview' },
  'preview.missing': { nb: 'Arket «{sheet}» finnes ikke lenger.', nn: 'Arket «{sheet}» finst ikkje lenger.', en: 'The sheet “{sheet}” no longer exists.' },
  'preview.corner': { nb: 'Rad', nn: 'Rad', en: 'Row' },
} satisfies Record<string, Localized>;

export type BrowserStringKey = keyof typeof BROWSER_STRINGS;

export function browserText(key: BrowserStringKey, lang: Lang, values: Record<string, string | number> = {}): string {
  return fillPlaceholders(BROWSER_STRINGS[key][lang], values);
}
