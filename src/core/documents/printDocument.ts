/**
 * A printable document as plain text: the one model the sheet's layout and the browser's print
 * page are both made from. A sentence is in it only when its fields have values and its
 * condition holds; a signature block carries the signer's name in capitals and role when known.
 */
import type { Lang } from '../content/language';
import { workbookStrings, type WorkbookStringKey } from '../content/content';
import type { ClauseTemplate, Condition, DocumentTemplate, SentenceTemplate } from './documentSchema';
import type { FieldValues } from './documentFields';

export interface PrintClause {
  key: string;
  number: number;
  title: string;
  text: string;
  practice: boolean;
}

export interface PrintSignature {
  party: string;
  label: string;
  /** In capitals, as the signer writes it; '' to be filled in by hand. */
  name: string;
  role: string;
}

/** The words under a signature line. */
export interface SignLabels {
  placeDate: string;
  name: string;
  signature: string;
  role: string;
}

export interface PrintDocument {
  key: string;
  lang: Lang;
  title: string;
  clauses: PrintClause[];
  signatures: PrintSignature[];
  signLabels: SignLabels;
  /** The page footer with Excel's codes: &P the page, &N the pages ("Side &P av &N"). */
  footer: string;
}

const PLACEHOLDER = /\{(\w+)\}/g;

export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

export function conditionHolds(condition: Condition, values: FieldValues): boolean {
  const value = values[condition.field];
  if (condition.blank !== undefined && (value?.text === '') !== condition.blank) return false;
  if (condition.is && !(value?.key && condition.is.includes(value.key))) return false;
  return true;
}

export function sentenceIncluded(sentence: SentenceTemplate, values: FieldValues, lang: Lang): boolean {
  if (!(sentence.when ?? []).every((c) => conditionHolds(c, values))) return false;
  return placeholdersOf(sentence.text[lang]).every((key) => (values[key]?.text ?? '') !== '');
}

export function fillSentence(text: string, values: FieldValues): string {
  return text.replace(PLACEHOLDER, (_m, key: string) => values[key]?.text ?? '');
}

/** What the spreadsheet's TRIM leaves: no space at either end, one between words (only the space character). */
export function spreadsheetTrim(text: string): string {
  return text.replace(/ +/g, ' ').replace(/^ | $/g, '');
}

export function clauseText(clause: ClauseTemplate, values: FieldValues, lang: Lang): string {
  return spreadsheetTrim(
    clause.sentences
      .filter((s) => sentenceIncluded(s, values, lang))
      .map((s) => fillSentence(s.text[lang], values))
      .join(' '),
  );
}

export function upperName(name: string, lang: Lang): string {
  return name.toLocaleUpperCase(lang === 'en' ? 'en' : 'nb');
}

export function printDocument(template: DocumentTemplate, values: FieldValues, lang: Lang, practiceLabel: string): PrintDocument {
  const t = (key: WorkbookStringKey) => workbookStrings.text(key, lang);
  return {
    footer: t('document.footer'),
    signLabels: {
      placeDate: t('document.sign.placeDate'),
      name: t('document.sign.name'),
      signature: t('document.sign.signature'),
      role: t('document.sign.role'),
    },
    key: template.key,
    lang,
    title: template.title[lang],
    clauses: template.clauses.map((clause, i) => ({
      key: clause.key,
      number: i + 1,
      title: clause.practice ? `${clause.title[lang]} (${practiceLabel})` : clause.title[lang],
      text: clauseText(clause, values, lang),
      practice: clause.practice ?? false,
    })),
    signatures: template.signatures.map((s) => ({
      party: s.party,
      label: s.label[lang],
      name: s.name ? upperName(values[s.name]?.text ?? '', lang) : '',
      role: s.role ? (values[s.role]?.text ?? '') : '',
    })),
  };
}
