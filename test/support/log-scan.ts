/**
 * PIPL: logs never carry an ID number, a phone number or a GPS fix. Every test file runs with the
 * console watched; a line that looks like one of them fails the file, naming the pattern only (the
 * line itself would put the value into the test log).
 */
import { format } from 'node:util';

const PATTERNS: [string, RegExp][] = [
  ['ID number', /(?<!\d)\d{17}[\dXx](?![\dA-Za-z])/],
  ['phone number', /(?<!\d)1[3-9]\d{9}(?!\d)/],
  ['GPS coordinate', /(?<![\d.])-?\d{1,3}\.\d{5,}(?!\d)/],
];
const found: string[] = [];

for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
  const original = console[method].bind(console);
  console[method] = (...args: unknown[]) => {
    const line = format(...args);
    for (const [name, pattern] of PATTERNS) if (pattern.test(line)) found.push(`console.${method} printed a ${name}`);
    original(...args);
  };
}

afterAll(() => {
  if (found.length) throw new Error(`personal data in the log: ${[...new Set(found)].join('; ')}`);
});

export const LOG_PATTERNS = PATTERNS;
