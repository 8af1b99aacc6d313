/**
 * The engine reads what the SDK sends (canonical EJSON) exactly as bson's EJSON reader does: its
 * quick path for number-only text must give what EJSON.parse gives, and hand every other EJSON
 * value to EJSON.parse itself.
 */
import { parseWire } from '../../../cloudfunctions/core/store/embedded/codec';
import { EJSON } from '../../../cloudfunctions/core/store/embedded/sdk';

const canonical = (value: unknown) => EJSON.stringify(value as Parameters<typeof EJSON.stringify>[0], { relaxed: false });
const viaBson = (text: string) => EJSON.parse(text, { relaxed: true });

/** A small deterministic generator: the same documents on every run. */
function* documents(count: number): Generator<Record<string, unknown>> {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const value = (depth: number): unknown => {
    const r = next();
    if (r < 0.15) return Math.floor(next() * 2 ** 31) - 2 ** 30;
    if (r < 0.25) return next() * 1e6 - 5e5;
    if (r < 0.3) return Math.floor(next() * 2 ** 52) * 512;
    if (r < 0.35) return [0, -0, Infinity, -Infinity, NaN, 2 ** 31, -(2 ** 31) - 1][Math.floor(next() * 7)];
    if (r < 0.45) return `文本 ${Math.floor(next() * 1000)} "$numberInt" \\`;
    if (r < 0.5) return next() < 0.5;
    if (r < 0.55) return null;
    if (depth > 2) return 'leaf';
    if (r < 0.7) return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
    if (r < 0.8) return { $gt: value(depth + 1), $lte: value(depth + 1) };
    return Object.fromEntries(Array.from({ length: 1 + Math.floor(next() * 4) }, (_, i) => [`f${i}`, value(depth + 1)]));
  };
  for (let i = 0; i < count; i++) yield { _id: `doc-${i}`, a: value(0), b: value(0), nested: { c: value(1), list: [value(1), value(1)] } };
}

describe('what the engine reads from the SDK', () => {
  it('reads 2,000 generated documents and queries (numbers of every size, operators, arrays) as EJSON.parse reads them', () => {
    for (const doc of documents(2000)) {
      const text = canonical(doc);
      expect(parseWire(text, 'data')).toEqual(viaBson(text));
    }
  });

  it('keeps -0, NaN, Infinity and integers past 2^53 as bson makes them', () => {
    const text =
      '{"z":{"$numberDouble":"-0.0"},"n":{"$numberDouble":"NaN"},"i":{"$numberDouble":"-Infinity"},"l":{"$numberLong":"9007199254740993"},"x":{"$numberInt":"12abc"}}';
    const read = parseWire(text, 'data') as Record<string, number>;
    expect(Object.is(read.z, -0)).toBe(true);
    expect(read.n).toBeNaN();
    expect(read.i).toBe(-Infinity);
    expect(read.l).toBe(9007199254740992);
    expect(read.x).toBe(12);
  });

  it('reads dates, ObjectIds and regexes beside numbers as the EJSON reader does', () => {
    const when = new Date('2026-11-20T04:00:00.000Z');
    const text = canonical({ at: when, n: 5, id: { $oid: '5f0c6e1b2a3d4c5b6a7f8e9d' } });
    const read = parseWire(text, 'data') as Record<string, unknown>;
    expect(read.at).toEqual(when);
    expect(read.n).toBe(5);
    expect(read.id).toEqual({ $oid: '5f0c6e1b2a3d4c5b6a7f8e9d' });
    const query = parseWire('{"name":{"$regularExpression":{"pattern":"^王","options":"i"}},"age":{"$gte":{"$numberInt":"18"}}}', 'query') as Record<
      string,
      unknown
    >;
    expect(query.name).toEqual(/^王/i);
    expect(query.age).toEqual({ $gte: 18 });
  });

  it('reads a number wrapper with other keys beside it as bson does (the wrapper wins)', () => {
    const text = '{"a":{"$numberInt":"5","extra":1},"b":{"$numberInt":null}}';
    expect(parseWire(text, 'data')).toEqual(viaBson(text));
  });

  it('leaves a string that spells a number wrapper as that string', () => {
    const doc = { note: '{"$numberInt":"5"}', tail: '\\', n: 1.5, big: 2 ** 60 };
    expect(parseWire(canonical(doc), 'data')).toEqual(doc);
  });

  it('refuses field names holding NUL, as EJSON does', () => {
    expect(() => parseWire('{"a\\u0000b":{"$numberInt":"1"}}', 'data')).toThrow(/malformed EJSON/);
  });
});
