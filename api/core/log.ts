// Logs never hold ID-card or phone numbers (Personal Information Protection Law), whatever a
// resident typed into a form or a question.

const ID_CARD = /(?<!\d)\d{17}[\dXx](?!\d)|(?<!\d)\d{15}(?!\d)/g;
const PHONE = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?!\d)|(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g;

/** Replaces ID-card and phone numbers in `text` with a marker. */
export function redact(text: string): string {
  return text.replace(ID_CARD, '[id]').replace(PHONE, '[phone]');
}

/**
 * Writes one log line, redacted. Query strings are never logged: they carry what residents typed.
 * Lines written in one turn of the event loop go out in one write (a busy server logs thousands
 * a second); whatever is waiting goes out before the process exits.
 */
export function log(message: string): void {
  if (waiting.length === 0) setImmediate(flush);
  waiting.push(`${redact(`${new Date().toISOString()} ${message}`)}\n`);
}

let waiting: string[] = [];
function flush(): void {
  if (waiting.length === 0) return;
  const lines = waiting.join('');
  waiting = [];
  process.stdout.write(lines);
}
process.on('exit', flush);
