/**
 * Finding people's names, phone numbers and emails from the registers in texts meant for leaders
 * and the public (the summary's evaluation texts, the public copy), and taking them out.
 *
 * The people are the volunteers, the partners' and agreements' contact persons, and the
 * municipality's own staff the evaluation and the action plan name as responsible (a column of
 * people is personal data whatever it holds; the public copy leaves it out). A responsible that
 * reads as a person's name (words with capitals: "Tone Hauge", "Hauge, Tone") is looked for in
 * the other texts too; one that reads as a role ("Kommunalsjef helse og omsorg", "Enhetsleder")
 * is not, or every text naming that role would lose it. A name is found however it is written: in either
 * order ("Svein Pettersen", "Pettersen, Svein", "Pettersen Svein"), with the given names as
 * initials ("S. Pettersen", "Pettersen S."), in any case. A name of one word is found as a whole
 * word of at least four letters; a phone number by its last eight digits; an email as written.
 */
import { asText } from '../model/cellValues';
import type { RegisterKey } from '../content/templateSchema';
import type { WorkbookData } from '../model/workbookData';

/** Columns that name or reach a person. */
const PEOPLE: [RegisterKey, string, 'name' | 'owner' | 'phone' | 'email'][] = [
  ['volunteers', 'name', 'name'],
  ['volunteers', 'phone', 'phone'],
  ['volunteers', 'email', 'email'],
  ['partners', 'contactPerson', 'name'],
  ['partners', 'phone', 'phone'],
  ['partners', 'email', 'email'],
  ['agreements', 'contactMunicipality', 'name'],
  ['agreements', 'contactPartner', 'name'],
  ['checklist', 'responsible', 'owner'],
  ['actions', 'responsible', 'owner'],
];

/** A word of a person's name as written: a capital first ("Pettersen", "Dahl-Hansen", "O'Neil"), or an initial ("S."). */
const NAME_WORD = /^(\p{Lu}[\p{L}'’-]*|\p{Lu}\.?)$/u;

/** Whether a text reads as a person's name: two to four words, each written as a name is. */
function looksLikeName(text: string): boolean {
  const parts = text.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  return parts.length >= 2 && parts.length <= 4 && parts.every((p) => NAME_WORD.test(p));
}

/** Shorter one-word names would match ordinary words; eight digits make a Norwegian phone number. */
const MIN_SINGLE_NAME = 4;
const MIN_DIGITS = 8;

/** Letters (with æ, ø, å and accents) and the hyphen or apostrophe inside a name. */
const WORD = /[\p{L}][\p{L}'’-]*/gu;

interface Word {
  text: string;
  start: number;
  end: number;
}

function words(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({ text: m[0].toLowerCase(), start: m.index!, end: m.index! + m[0].length }));
}

/** A person's name as its words (lower case): the last is taken for the family name. */
type NameWords = string[];

/**
 * Whether the words from `at` on spell the name: each of its words once, in any order, each word
 * of the text either the name's word or its initial; at least the family name or another word of
 * three letters or more written out, so that two initials alone match nothing.
 */
function nameAt(found: Word[], at: number, name: NameWords): number {
  const n = name.length;
  if (at + n > found.length) return 0;
  const used = new Array<boolean>(n).fill(false);
  let spelledOut = false;
  for (let i = 0; i < n; i++) {
    const word = found[at + i].text;
    let match = -1;
    for (let j = 0; j < n && match < 0; j++) if (!used[j] && name[j] === word) match = j;
    if (match >= 0) {
      if (name[match].length >= 3) spelledOut = true;
    } else {
      for (let j = 0; j < n && match < 0; j++) if (!used[j] && word.length === 1 && name[j].startsWith(word)) match = j;
    }
    if (match < 0) return 0;
    used[match] = true;
  }
  return spelledOut ? n : 0;
}

export class PersonalDataFilter {
  /** Each name under every word of it, and under the initial of every word: the names a word of a text may begin. */
  private readonly byWord = new Map<string, NameWords[]>();
  private readonly singles = new Set<string>();
  private readonly emails = new Set<string>();
  private readonly phones = new Set<string>();

  constructor(data: WorkbookData) {
    for (const [register, column, kind] of PEOPLE) {
      for (const row of data.registers[register].rows) {
        const value = asText(row.values[column]);
        if (value === '') continue;
        if (kind === 'phone') {
          const digits = value.replace(/\D/g, '');
          if (digits.length >= MIN_DIGITS) this.phones.add(digits.slice(-MIN_DIGITS));
        } else if (kind === 'email') {
          if (value.includes('@')) this.emails.add(value.toLowerCase());
        } else this.addName(value, kind);
      }
    }
  }

  /**
   * A name cell may hold several people ("Kari Nordmann; Per Hansen", "Kari Nordmann og Per
   * Hansen"); "Pettersen, Svein" — one word, a comma, then the given names — is one person. A
   * responsible (`owner`) counts only where it reads as a person's name.
   */
  private addName(value: string, kind: 'name' | 'owner'): void {
    for (const part of value.split(/[;/&\n]/)) {
      const pieces = part.split(/\s(?:og|and)\s/i);
      const people = pieces.length > 1 && pieces.every(looksLikeName) ? pieces : [part];
      for (const person of people) {
        if (kind === 'owner' && !looksLikeName(person)) continue;
        const commas = person.split(',').map((p) => words(p).map((w) => w.text));
        const names = commas.length === 2 && commas[0].length === 1 && commas[1].length >= 1 ? [[...commas[1], ...commas[0]]] : commas;
        for (const name of names) {
          if (name.length >= 2) this.index(name);
          else if (name.length === 1 && name[0].length >= MIN_SINGLE_NAME) this.singles.add(name[0]);
        }
      }
    }
  }

  private index(name: NameWords): void {
    for (const key of new Set([...name, ...name.map((w) => w[0])])) {
      const list = this.byWord.get(key);
      if (list) list.push(name);
      else this.byWord.set(key, [name]);
    }
  }

  /** The spans of a text that name or reach a person, in order, not overlapping. */
  private spans(text: string): [number, number][] {
    const spans: [number, number][] = [];
    const found = words(text);
    for (let at = 0; at < found.length; at++) {
      let length = 0;
      for (const name of this.byWord.get(found[at].text) ?? []) length = Math.max(length, nameAt(found, at, name));
      if (length === 0 && this.singles.has(found[at].text)) length = 1;
      if (length > 0) {
        spans.push([found[at].start, found[at + length - 1].end]);
        at += length - 1;
      }
    }
    const lower = text.toLowerCase();
    for (const email of this.emails) {
      for (let i = lower.indexOf(email); i >= 0; i = lower.indexOf(email, i + 1)) spans.push([i, i + email.length]);
    }
    for (const m of text.matchAll(/\+?\d[\d\s.-]{6,}\d/g)) {
      const digits = m[0].replace(/\D/g, '');
      if (digits.length >= MIN_DIGITS && [...this.phones].some((p) => digits.includes(p))) spans.push([m.index!, m.index! + m[0].length]);
    }
    spans.sort((a, b) => a[0] - b[0]);
    return spans.filter((s, i) => i === 0 || s[0] >= spans[i - 1][1]);
  }

  contains(text: string): boolean {
    return this.spans(text).length > 0;
  }

  /** The text with every name, phone number and email of a person replaced by the marker. */
  scrub(text: string, marker: string): string {
    const spans = this.spans(text);
    if (spans.length === 0) return text;
    let out = '';
    let from = 0;
    for (const [start, end] of spans) {
      out += text.slice(from, start) + marker;
      from = end;
    }
    return out + text.slice(from);
  }
}
