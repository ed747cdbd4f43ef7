/**
 * Text printed to a terminal, made harmless: names typed into a public sign-up form and
 * municipality names from other people's workbooks may carry escape sequences that clear the
 * screen, retitle the window or hide what follows, or bidirectional controls that reorder what is
 * shown. Every line the command line prints passes through here; line breaks and tabs stay.
 */

/** C0 controls but tab and line feed, DEL, C1 controls, and the bidirectional overrides and isolates. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Each unsafe character shown as U+FFFD, so the reader sees that something was there. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, '\ufffd');
}

/** JSON text with the unsafe characters JSON.stringify leaves raw (DEL, C1, bidi) written as \u escapes: the same JSON value. */
export function jsonSafe(json: string): string {
  return json.replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
