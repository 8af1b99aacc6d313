/**
 * What a log line may say about an unexpected error. Logs are kept by CloudBase and read by
 * operators, so they must not carry a person's data (STYLE.md: never log an ID number, phone
 * or GPS fix). Messages of store and parser errors quote the value they choked on — the store's EJSON
 * parser quotes a search text, a zod or SQLite message may quote a name or an ID number — so the
 * message keeps only its wording: quoted spans, runs of 6+ digits (ID numbers, phones, bank
 * cards), decimal numbers (GPS) and non-ASCII text (Chinese names, addresses) become "…".
 * A ZodError (a stored document that no longer fits its schema) is told by issue code and path.
 */
const QUOTED = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`|「[^」]*」|“[^”]*”|‘[^’]*’/g;
const REDACTED = /\d*\.\d+|\d{6,}|[^\x20-\x7e]+/g;
const MAX_MESSAGE = 200;

interface Issue {
  code?: unknown;
  path?: unknown;
}

function wording(error: Error): string {
  const issues = (error as { issues?: unknown }).issues;
  if (Array.isArray(issues)) {
    return (issues as Issue[])
      .slice(0, 5)
      .map((i) => `${String(i.code)} at ${Array.isArray(i.path) ? i.path.join('.') : '?'}`)
      .join('; ');
  }
  return error.message;
}

export function failureSummary(error: unknown): string {
  if (!(error instanceof Error)) return `non-Error thrown (${error === null ? 'null' : typeof error})`;
  const code = (error as { code?: unknown }).code;
  const head = typeof code === 'string' || typeof code === 'number' ? `${error.name} ${code}` : error.name;
  const message = wording(error)
    .replace(QUOTED, '…')
    .replace(REDACTED, '…')
    .replace(/…(?:\s*…)+/g, '…')
    .slice(0, MAX_MESSAGE);
  return message ? `${head}: ${message}` : head;
}
