/**
 * What a log line may say about an unexpected error. Logs are kept by CloudBase and read by
 * operators, so they must not carry a person's data (STYLE.md: never log an ID number, phone
 * or GPS fix). Messages of store and parser errors quote the value they choked on — the store's EJSON
 * parser quotes a search text, a zod or SQLite message may quote a name or an ID number — so the
 * message keeps only its wording: quoted spans, runs of 6+ digits (ID numbers, phones, bank
 * cards), decimal numbers (GPS) and non-ASCII text (Chinese names, addresses) become "…".
 */
const QUOTED = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`|「[^」]*」|“[^”]*”|‘[^’]*’/g;
const REDACTED = /\d*\.\d+|\d{6,}|[^\x20-\x7e]+/g;
const MAX_MESSAGE = 200;

export function failureSummary(error: unknown): string {
  if (!(error instanceof Error)) return `non-Error thrown (${error === null ? 'null' : typeof error})`;
  const code = (error as { code?: unknown }).code;
  const head = typeof code === 'string' || typeof code === 'number' ? `${error.name} ${code}` : error.name;
  const message = error.message.replace(QUOTED, '…').replace(REDACTED, '…').slice(0, MAX_MESSAGE);
  return message ? `${head}: ${message}` : head;
}
