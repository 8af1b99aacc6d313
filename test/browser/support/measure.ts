import type { Page } from 'playwright-core';

/**
 * Measuring a rendered page the way 适老化 rules are written (SPEC §2; WCAG 2 contrast): every
 * visible piece of text with its size, colour, the colour behind it and their contrast ratio, and
 * the boxes of what a finger must hit. One place for the browser tests that check 长辈版.
 */
export interface TextSample {
  label: string;
  fontPx: number;
  fg: number[];
  bg: number[];
  ratio: number;
}

/** Every element under `.bf-page` with text of its own that is on screen, outside `skip`. */
export function visibleText(page: Page, skip = ''): Promise<TextSample[]> {
  return page.evaluate((skipSel) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length >= 3 && (c.length < 4 || c[3] > 0.5)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const out: TextSample[] = [];
    for (const el of Array.from(document.querySelectorAll('.bf-page *'))) {
      const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim());
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (!own || box.width === 0 || box.height === 0 || style.visibility === 'hidden' || (skipSel && el.closest(skipSel))) continue;
      const fg = rgb(style.color).slice(0, 3);
      const bg = background(el);
      const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
      out.push({ label: el.textContent!.trim().slice(0, 20), fontPx: parseFloat(style.fontSize), fg, bg, ratio: (a + 0.05) / (b + 0.05) });
    }
    return out;
  }, skip);
}

/** What an elderly reader cannot read: text under `min` px, and text under 4.5 : 1 against what is behind it. */
export async function unreadableText(page: Page, min: number): Promise<{ small: string[]; faint: string[] }> {
  const samples = await visibleText(page, 'textarea, input, .bf-tabbar');
  return {
    small: samples.filter((s) => s.fontPx < min).map((s) => `${s.label} ${s.fontPx}px`),
    faint: samples.filter((s) => s.ratio < 4.5).map((s) => `${s.label} rgb(${s.fg.join(',')}) ${s.ratio.toFixed(1)}`),
  };
}

/**
 * Grey (r≈g≈b) or primary-blue text, or text on that blue, under 4.5 : 1, and any #969799 at all:
 * the secondary-text colours large-text mode darkens. White on a coloured button is the buttons'
 * own palette and is left to `unreadableText`.
 */
export async function lowContrastText(page: Page): Promise<string[]> {
  const lumOf = ([r, g, b]: number[]) => {
    const f = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const blue = (c: number[]) => c[2] > 150 && c[2] - c[0] > 80;
  return (await visibleText(page))
    .filter(({ fg, bg, ratio }) => {
      const grey = Math.abs(fg[0] - fg[1]) < 10 && Math.abs(fg[1] - fg[2]) < 10 && lumOf(fg) < 0.6;
      return fg.join() === '150,151,153' || ((grey || blue(fg) || blue(bg)) && ratio < 4.5);
    })
    .map((s) => `${s.label} ${s.fg.join(',')} ${s.ratio.toFixed(1)}`);
}

/** Width and height of each visible element matching `selector`, with its text. */
export function boxesOf(page: Page, selector: string): Promise<Array<{ w: number; h: number; text: string }>> {
  return page.locator(selector).evaluateAll((els) =>
    els
      .map((e) => {
        const r = e.getBoundingClientRect();
        return { w: r.width, h: r.height, text: (e.textContent ?? '').trim().slice(0, 12) };
      })
      .filter((b) => b.w > 0 && b.h > 0),
  );
}

/** Targets of `selectors` shorter than `min` px (and, with `both`, narrower too). */
export async function smallTargets(page: Page, selectors: string[], min = 44, both = false): Promise<string[]> {
  const small: string[] = [];
  for (const sel of selectors) {
    for (const b of await boxesOf(page, sel)) {
      if (b.h < min || (both && b.w < min)) small.push(`${sel} "${b.text}" ${Math.round(b.w)}×${Math.round(b.h)}px`);
    }
  }
  return small;
}
