/**
 * A notice body is plain text with a small, safe markup: blank lines between paragraphs, lines
 * starting with "- " / "* " or "1. " as list items, and **bold**. It is parsed into blocks that
 * pages render as text nodes — never as HTML — so no markup an admin types can run in a reader's app.
 */
export interface Span {
  text: string;
  bold: boolean;
}
export type Block = { kind: 'paragraph'; spans: Span[] } | { kind: 'list'; ordered: boolean; items: Span[][] };

const BULLET = /^\s*[-*•]\s+/;
const NUMBERED = /^\s*\d{1,3}[.、)]\s*/;

/** `a **b** c` → spans; an unmatched `**` stays as typed. */
export function parseSpans(line: string): Span[] {
  const spans: Span[] = [];
  const re = /\*\*(.+?)\*\*/g;
  let last = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (m.index > last) spans.push({ text: line.slice(last, m.index), bold: false });
    spans.push({ text: m[1], bold: true });
    last = m.index + m[0].length;
  }
  if (last < line.length) spans.push({ text: line.slice(last), bold: false });
  return spans;
}

function listKind(line: string): 'bullet' | 'numbered' | null {
  if (BULLET.test(line)) return 'bullet';
  if (NUMBERED.test(line)) return 'numbered';
  return null;
}

/** Consecutive list lines of one kind form a list; other lines join into the paragraph they belong to. */
export function parseNoticeBody(body: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', spans: parseSpans(paragraph.join('\n')) });
    paragraph = [];
  };
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const kind = listKind(line);
    if (!line.trim()) {
      flush();
      continue;
    }
    if (!kind) {
      paragraph.push(line.trim());
      continue;
    }
    flush();
    const ordered = kind === 'numbered';
    const item = parseSpans(line.replace(ordered ? NUMBERED : BULLET, ''));
    const prev = blocks[blocks.length - 1];
    if (prev?.kind === 'list' && prev.ordered === ordered) prev.items.push(item);
    else blocks.push({ kind: 'list', ordered, items: [item] });
  }
  flush();
  return blocks;
}

/** The body without markup, for copying into a chat and for summaries. */
export function plainText(body: string): string {
  return parseNoticeBody(body)
    .map((b) =>
      b.kind === 'paragraph'
        ? b.spans.map((s) => s.text).join('')
        : b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '·'} ${item.map((s) => s.text).join('')}`).join('\n'),
    )
    .join('\n\n');
}
