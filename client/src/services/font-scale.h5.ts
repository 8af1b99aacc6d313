/**
 * The browser's font size setting as a factor: a probe at the `medium` keyword takes the person's
 * default size (16 px unless they changed it), which no page style overrides.
 */
export function systemFontScale(): number {
  if (typeof document === 'undefined' || !document.body) return 1;
  const probe = document.createElement('div');
  probe.style.cssText = 'position:absolute;visibility:hidden;font-size:medium;';
  document.body.appendChild(probe);
  const px = parseFloat(getComputedStyle(probe).fontSize);
  probe.remove();
  return px > 0 ? px / 16 : 1;
}
