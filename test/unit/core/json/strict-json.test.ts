import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parseJsonReference, parseStrictJson, type StrictJsonResult } from '../../../../core/json/index.js';

const SEED = 20_261_201;

function ok(result: StrictJsonResult): unknown {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result.value;
}

function error(result: StrictJsonResult): string {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('parseStrictJson: accepts RFC 8259 JSON with the values JSON.parse gives', () => {
  it.each([
    ['null', null],
    ['true', true],
    [' false ', false],
    ['0', 0],
    ['-0.5e+3', -500],
    ['"x"', 'x'],
    ['[]', []],
    ['{}', {}],
    ['\t\r\n [1, "a", {"b": [null]}]\n', [1, 'a', { b: [null] }]],
    ['"\\u00e9\\n\\"\\\\\\/\\b\\f\\r\\t"', 'é\n"\\/\b\f\r\t'],
    ['"\\ud83d\\ude00 😀"', '😀 😀'],
    ['{"a":{"a":{"a":1}}}', { a: { a: { a: 1 } } }],
    ['{"a":1,"b":{"a":2}}', { a: 1, b: { a: 2 } }],
  ])('%s', (text, expected) => {
    expect(ok(parseStrictJson(text))).toEqual(expected);
    expect(ok(parseJsonReference(text, { maxDepth: MAX_JSON_DEPTH }))).toEqual(expected);
  });

  it('keeps a "__proto__" key as an own property (as JSON.parse does), and refuses it twice', () => {
    const value = ok(parseStrictJson('{"__proto__":{"x":1}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
    const reference = ok(parseJsonReference('{"__proto__":{"x":1}}', { maxDepth: 64 })) as Record<string, unknown>;
    expect(Object.keys(reference)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(reference)).toBe(Object.prototype);
    expect(error(parseStrictJson('{"__proto__":1,"__proto__":2}'))).toContain('duplicate key "__proto__" at $');
  });

  it('property: parseStrictJson(JSON.stringify(v)) deep-equals JSON.parse of the same text', () => {
    const values = fc.oneof(fc.jsonValue({ stringUnit: 'binary' }), fc.jsonValue({ stringUnit: 'grapheme' }), fc.jsonValue());
    fc.assert(
      fc.property(values, fc.boolean(), (v, pretty) => {
        const text = pretty ? JSON.stringify(v, null, 2) : JSON.stringify(v);
        expect(ok(parseStrictJson(text))).toStrictEqual(JSON.parse(text));
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});

/**
 * Serialize `v` like JSON.stringify but give the `target`-th object (pre-order) one duplicated key, spelled
 * with a \u escape half the time ("a" and "\u0061" are the same key). Returns the text and the expected
 * message fragment (key and JSON path), or null if `v` has fewer objects.
 */
function withDuplicate(v: unknown, target: number, escape: boolean, extra: unknown): { text: string; expected: string } | null {
  let seen = 0;
  let expected: string | null = null;
  const path: (string | number)[] = [];
  const pathText = (): string =>
    '$' + path.map((p) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`)).join('');
  const spell = (key: string): string => {
    if (!escape || key.length === 0) return JSON.stringify(key);
    const first = key.charCodeAt(0).toString(16).padStart(4, '0');
    return `"\\u${first}${JSON.stringify(key.slice(1)).slice(1)}`;
  };
  const write = (x: unknown): string => {
    if (Array.isArray(x)) {
      return `[${x.map((e, i) => { path.push(i); const s = write(e); path.pop(); return s; }).join(',')}]`;
    }
    if (x !== null && typeof x === 'object') {
      const mine = seen++ === target;
      const entries = Object.entries(x as Record<string, unknown>);
      const parts = entries.map(([k, e]) => { path.push(k); const s = `${JSON.stringify(k)}:${write(e)}`; path.pop(); return s; });
      if (mine) {
        const key = entries[0]?.[0] ?? 'dup';
        if (entries.length === 0) parts.push(`${JSON.stringify(key)}:${JSON.stringify(extra)}`);
        parts.push(`${spell(key)}:${JSON.stringify(extra)}`);
        expected = `duplicate key ${JSON.stringify(key)} at ${pathText()}`;
      }
      return `{${parts.join(',')}}`;
    }
    return JSON.stringify(x);
  };
  const text = write(v);
  return expected === null ? null : { text, expected };
}

describe('parseStrictJson: refuses duplicate keys, naming the key and its path', () => {
  it.each([
    ['{"version":1,"version":2}', 'duplicate key "version" at $ (line 1, column 14)'],
    ['{"maintenances":[{"id":"a"},{"version":1,"x":{"y":[1,2]},"version":2}]}', 'duplicate key "version" at $.maintenances[1]'],
    ['{"a":1,"\\u0061":2}', 'duplicate key "a" at $'],
    ['{"a b":{"c":1,"c":1}}', 'duplicate key "c" at $["a b"]'],
    ['[0,{"x":{"k":"\\"","k":null}}]', 'duplicate key "k" at $[1].x'],
    ['{\n  "a": 1,\n  "a" : 2\n}', 'duplicate key "a" at $ (line 3, column 3)'],
  ])('%s', (text, message) => {
    expect(error(parseStrictJson(text))).toContain(message);
  });

  it('property: a duplicate key injected into any object anywhere is refused with its key and path', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 6 }),
        fc.nat({ max: 40 }),
        fc.boolean(),
        fc.jsonValue({ maxDepth: 2 }),
        (v, target, escape, extra) => {
          const wrapped = { k: v, list: [v] };
          const made = withDuplicate(wrapped, target, escape, extra);
          fc.pre(made !== null);
          if (made === null) return;
          const result = parseStrictJson(made.text);
          expect(error(result)).toContain(made.expected);
          // Sanity: JSON.parse itself takes it (it keeps the last value): only the strict check refuses.
          expect(() => JSON.parse(made.text)).not.toThrow();
        },
      ),
      { seed: SEED, numRuns: 1000 },
    );
  });
});

describe('parseStrictJson: depth', () => {
  const nest = (n: number): string => '['.repeat(n) + ']'.repeat(n);
  it(`accepts ${MAX_JSON_DEPTH} levels and refuses ${MAX_JSON_DEPTH + 1}, with a path`, () => {
    expect(parseStrictJson(nest(MAX_JSON_DEPTH)).ok).toBe(true);
    const message = error(parseStrictJson(nest(MAX_JSON_DEPTH + 1)));
    expect(message).toContain(`JSON nested deeper than ${MAX_JSON_DEPTH} levels at $${'[0]'.repeat(MAX_JSON_DEPTH)}`);
    expect(error(parseStrictJson('{"a":{"b":[{}]}}', { maxDepth: 3 }))).toContain('nested deeper than 3 levels at $.a.b[0]');
  });
  it('refuses 200,000 levels (valid and unterminated) without overflowing the stack', () => {
    expect(error(parseStrictJson(nest(200_000)))).toContain('nested deeper');
    expect(error(parseStrictJson('{"a":'.repeat(200_000)))).toContain('nested deeper');
  });
});

describe('parseStrictJson: lone surrogates are always refused; pairs are fine', () => {
  it.each([
    ['"\\ud800"', '$'],
    ['"\\udc00"', '$'],
    ['"\\ude00\\ud83d"', '$'],
    ['{"k":["ok","\\uD800x"]}', '$.k[1]'],
    ['{"\\ud800":1}', '$'],
  ])('%s', (text, path) => {
    expect(error(parseStrictJson(text))).toContain(`lone surrogate (not valid Unicode) at ${path}`);
  });
  it('refuses raw lone surrogates in the text', () => {
    expect(error(parseStrictJson('"a\ud800b"'))).toContain('lone surrogate');
    expect(error(parseStrictJson('{"a":1}\udc00'))).toContain('invalid JSON');
  });
  it('accepts an escaped backslash followed by "ud800" (not an escape)', () => {
    expect(ok(parseStrictJson('"\\\\ud800"'))).toBe('\\ud800');
    expect(ok(parseStrictJson('{"\\\\ud800":1,"x":"\\ud83d\\ude00"}'))).toEqual({ '\\ud800': 1, x: '😀' });
  });
});

describe('parseStrictJson: syntax errors say where', () => {
  it.each([
    ['', 'invalid JSON at line 1, column 1: expected a JSON value, found the end of the text'],
    ['{"a":1,}', 'invalid JSON at line 1, column 8: expected a double-quoted key, found "}"'],
    ['[1,2', "line 1, column 5: expected ',' or ']' after an array element, found the end of the text"],
    ['{\n  "a": 01\n}', "line 2, column 9: expected ',' or '}' after an object member, found \"1\""],
    ['\ufeff{}', 'found a byte-order mark (U+FEFF)'],
    ["{'a':1}", 'expected a double-quoted key'],
    ['[NaN]', 'expected a JSON value'],
    ['[1] // c', 'expected the end of the text after the JSON value'],
    ['"a\tb"', 'control character U+0009 must be escaped'],
    ['"\\x41"', 'invalid escape "\\\\x"'],
    ['"\\u41"', 'a \\u escape needs exactly four hex digits'],
    ['"abc', 'line 1, column 1: unterminated string'],
    ['-', 'expected a digit'],
    ['1.', 'expected a digit after the decimal point'],
    ['1e+', 'expected a digit in the exponent'],
    ['[tru]', 'expected a JSON value'],
  ])('%j', (text, message) => {
    const result = parseStrictJson(text);
    expect(error(result)).toContain(message);
    if (!result.ok) {
      expect(result.position).toBeTypeOf('number');
      expect(result.line).toBeTypeOf('number');
      expect(result.column).toBeTypeOf('number');
    }
  });
});

describe('fast path and reference parser agree (differential)', () => {
  const tokens = ['{', '}', '[', ']', ',', ':', '"', '"a"', '"b"', '1', '-', '0', '.', 'e', '+', 'true', 'null', ' ', '\n', '\\', '\\"', '\\u0061', '\\ud800', '\\udc00', 'x', 'é', '😀', '\t', '\u0001'];
  const soup = fc.array(fc.constantFrom(...tokens), { maxLength: 30 }).map((parts) => parts.join(''));
  const mutatedJson = fc
    .tuple(fc.jsonValue({ maxDepth: 4 }), fc.nat(), fc.constantFrom(...tokens, ''), fc.nat({ max: 3 }))
    .map(([v, at, insert, del]) => {
      const text = JSON.stringify(v);
      const i = text.length === 0 ? 0 : at % (text.length + 1);
      return text.slice(0, i) + insert + text.slice(i + del);
    });

  it('property: same accept/refuse decision and same value, on token soup and on mutated JSON', () => {
    fc.assert(
      fc.property(fc.oneof(soup, mutatedJson), (text) => {
        const fast = parseStrictJson(text);
        const reference = parseJsonReference(text, { maxDepth: MAX_JSON_DEPTH });
        expect(fast.ok).toBe(reference.ok);
        let native: { ok: true; value: unknown } | { ok: false };
        try {
          native = { ok: true, value: JSON.parse(text) };
        } catch {
          native = { ok: false };
        }
        if (fast.ok && reference.ok) {
          expect(fast.value).toStrictEqual(reference.value);
          // Strict JSON is a subset of JSON: whatever it accepts, JSON.parse reads the same.
          expect(native).toStrictEqual({ ok: true, value: fast.value });
        }
        if (!native.ok) expect(fast.ok).toBe(false);
      }),
      { seed: SEED, numRuns: 10_000 },
    );
  });
});
