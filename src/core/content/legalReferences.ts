/**
 * Finding the laws and paragraphs a text names, so that every one can be matched against
 * templates/legal.json. A text may name a law by any of its aliases and a paragraph ("§ 5-4",
 * "§§ 14-2 og 14-5"), an article ("art. 6") or a chapter ("kapittel 7") after it; a word that
 * looks like a law's name ("…loven", "…forskrifta", "… Act") but is no known alias is reported too.
 */
import type { LegalContent } from './legalSchema';

export interface LegalReference {
  /** The law's key, or null when a paragraph stands with no law before it. */
  law: string | null;
  /** "§ 5-4", "art. 6", "kapittel 7"; null when only the law is named. */
  paragraph: string | null;
  /** What the text says, for the message. */
  text: string;
}

export interface UnknownLawName {
  text: string;
}

interface Span {
  law: string;
  start: number;
  end: number;
}

/** Words that look like the name of an act or regulation in nb, nn or en. */
const LAW_LIKE = [/\p{L}{4,}(?:lov|loven|lova|lovens|lovas|forskriften|forskrifta)(?!\p{L})/giu, /\b(?:[A-Z][a-z]+ )+(?:Act|Regulations|Code)\b/g, /\bGDPR\b/g];
/** How far before a paragraph its law may be named ("helse- og omsorgstjenesteloven (§ 5-4)"). */
const LAW_REACH = 100;
const PARAGRAPHS = /§§?\s*(\d+(?:-\d+)?(?:\s[a-h](?![\p{L}]))?)((?:\s*(?:,|og|and|or|eller)\s*\d+(?:-\d+)?)*)/gu;
const ARTICLES = /\bart\.\s*(\d+)/g;
const CHAPTERS = /\b(?:kapittel|chapter)\s+(\d+)/g;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function aliasSpans(text: string, legal: LegalContent): Span[] {
  const spans: Span[] = [];
  for (const law of legal.laws) {
    for (const alias of law.aliases) {
      const pattern = new RegExp(`(?<![\\p{L}])${escape(alias)}${/\p{L}$/u.test(alias) ? '(?![\\p{L}])' : ''}`, 'giu');
      for (const m of text.matchAll(pattern)) spans.push({ law: law.key, start: m.index!, end: m.index! + m[0].length });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

function lawBefore(spans: Span[], at: number): string | null {
  let found: Span | null = null;
  for (const span of spans) if (span.end <= at && at - span.end <= LAW_REACH) found = span;
  return found?.law ?? null;
}

/** Every law, paragraph, article and chapter the text names. */
export function legalReferences(text: string, legal: LegalContent): LegalReference[] {
  const spans = aliasSpans(text, legal);
  const refs: LegalReference[] = spans.map((s) => ({ law: s.law, paragraph: null, text: text.slice(s.start, s.end) }));
  for (const m of text.matchAll(PARAGRAPHS)) {
    const law = lawBefore(spans, m.index!);
    const numbers = [m[1], ...(m[2].match(/\d+(?:-\d+)?/g) ?? [])];
    for (const n of numbers) refs.push({ law, paragraph: `§ ${n.replace(/\s+/g, ' ')}`, text: m[0] });
  }
  for (const m of text.matchAll(ARTICLES)) refs.push({ law: lawBefore(spans, m.index!), paragraph: `art. ${m[1]}`, text: m[0] });
  for (const m of text.matchAll(CHAPTERS)) {
    const law = lawBefore(spans, m.index!);
    // "kapittel 5" of an unnamed text (a chapter of a report) is no legal reference.
    if (law) refs.push({ law, paragraph: `kapittel ${m[1]}`, text: m[0] });
  }
  return refs;
}

/** Words that look like a law's name but are no alias of a law in legal.json. */
export function unknownLawNames(text: string, legal: LegalContent): UnknownLawName[] {
  const spans = aliasSpans(text, legal);
  const unknown: UnknownLawName[] = [];
  for (const pattern of LAW_LIKE) {
    for (const m of text.matchAll(pattern)) {
      // "The Penal Code": the article is no part of the name.
      const start = m.index! + (/^(The|A|An) /.exec(m[0])?.[0].length ?? 0);
      const end = m.index! + m[0].length;
      if (!spans.some((s) => s.start <= start && s.end >= end)) unknown.push({ text: text.slice(start, end) });
    }
  }
  return unknown;
}

/** Whether legal.json has a statement resting on this law and paragraph (or on the law at all). */
export function isKnownReference(ref: LegalReference, legal: LegalContent): boolean {
  if (ref.law === null) return false;
  const statements = legal.statements.flatMap((s) => s.refs).filter((r) => r.law === ref.law);
  if (ref.paragraph === null) return legal.laws.some((l) => l.key === ref.law);
  return statements.some((r) => r.paragraphs.includes(ref.paragraph!));
}
