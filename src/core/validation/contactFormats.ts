/**
 * Contact details as a coordinator types them: Norwegian phone numbers and email addresses.
 */

/**
 * A Norwegian phone number: eight digits, optionally after +47 or 0047, with spaces anywhere
 * between digits ("+47 912 34 567", "0047 91234567", "22 33 44 55").
 */
export function isNorwegianPhone(typed: string): boolean {
  const digits = typed.replace(/[ \u00a0]/g, '');
  return /^(\+47|0047)?\d{8}$/.test(digits);
}

/** The eight national digits of a valid number, for comparing numbers however they were typed. */
export function phoneKey(typed: string): string | null {
  if (!isNorwegianPhone(typed)) return null;
  return typed.replace(/\D/g, '').slice(-8);
}

/**
 * An email address of the everyday kind: one @, a local part without spaces, and a domain of
 * dot-separated labels ending in a top-level domain of two or more letters. Deliberately simpler
 * than RFC 5322: quoted local parts and IP literals are not what a volunteer writes down.
 */
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[A-Za-z0-9\u00c0-\u024f]([A-Za-z0-9\u00c0-\u024f-]*[A-Za-z0-9\u00c0-\u024f])?$/;
const TLD = /^[A-Za-z]{2,}$/;

export function isEmail(typed: string): boolean {
  const text = typed.trim();
  if (text.length > 254) return false;
  const at = text.indexOf('@');
  if (at <= 0 || at !== text.lastIndexOf('@')) return false;
  const local = text.slice(0, at);
  const labels = text.slice(at + 1).split('.');
  if (local.length > 64 || !LOCAL.test(local) || labels.length < 2) return false;
  if (!TLD.test(labels[labels.length - 1])) return false;
  return labels.every((l) => l.length <= 63 && LABEL.test(l));
}
