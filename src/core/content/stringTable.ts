/**
 * The one way a sentence is looked up: a strings file of templates/ui, made into a table whose
 * keys are typed from the file, so a missing key is a compile error. Every table is used the same
 * way — `text(key, lang, values)` in one language, `both(key, values)` in bokmål and English as
 * the command line prints its messages, `phrase(key, values)` to say it later. The files' shape
 * (nb, nn and en for every key, the same placeholders) is checked by the unit tests, not at run
 * time, which keeps zod out of the task pane's first load.
 */
import { fillPlaceholders, type Lang, type Localized } from './language';

/**
 * Something that can be said in each language, kept unsaid until the reader's language is known:
 * a sentence from a table, or an error. Put into another sentence, it is said in that sentence's
 * language, so a two-language message never ends up inside an already translated one.
 */
export interface Phrase {
  say(lang: Lang): string;
}

/** What fills a `{placeholder}`: the same in every language (a name, a number), or a phrase. */
export type TextValue = string | number | Phrase;
export type TextValues = Readonly<Record<string, TextValue | undefined>>;

/** A sentence of a table with the values it needs, not yet said. */
export interface TablePhrase<K extends string = string> extends Phrase {
  readonly key: K;
  readonly values: TextValues;
}

export interface StringTable<K extends string> {
  /** The sentence in one language. */
  text(key: K, lang: Lang, values?: TextValues): string;
  /** The sentence in bokmål and English, "nb / en": how the command line words its messages. */
  both(key: K, values?: TextValues): string;
  /** The sentence to be said later, or put into another sentence. */
  phrase(key: K, values?: TextValues): TablePhrase<K>;
}

/** The keys of a table: `StringKey<typeof paneStrings>`. */
export type StringKey<T> = T extends StringTable<infer K> ? K : never;

function said(values: TextValues, lang: Lang): Record<string, string | number | undefined> {
  let out: Record<string, string | number | undefined> | undefined;
  for (const [name, value] of Object.entries(values)) {
    if (typeof value !== 'object') continue;
    out ??= { ...(values as Record<string, string | number | undefined>) };
    out[name] = value.say(lang);
  }
  return out ?? (values as Record<string, string | number | undefined>);
}

/**
 * The phrase in bokmål and English, "nb / en" — said once when both read the same (a technical
 * detail, a file name), so nothing is printed twice.
 */
export function sayBoth(phrase: Phrase): string {
  const nb = phrase.say('nb');
  const en = phrase.say('en');
  return nb === en ? nb : `${nb} / ${en}`;
}

export function stringTable<T extends Record<string, Localized>>(strings: T): StringTable<Extract<keyof T, string>> {
  type K = Extract<keyof T, string>;
  const text = (key: K, lang: Lang, values: TextValues = {}) => fillPlaceholders(strings[key][lang], said(values, lang));
  const phrase = (key: K, values: TextValues = {}): TablePhrase<K> => ({ key, values, say: (lang) => text(key, lang, values) });
  return { text, phrase, both: (key, values) => sayBoth(phrase(key, values)) };
}
