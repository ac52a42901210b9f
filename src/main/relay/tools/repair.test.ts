import { describe, expect, it } from 'vitest';
import { parseLooseJson } from './repair';

describe('parseLooseJson', () => {
  it('parses valid JSON unchanged', () => {
    expect(parseLooseJson('{"a":[1,2],"b":"x"}')).toEqual({ a: [1, 2], b: 'x' });
  });

  it('repairs trailing commas, single quotes, unquoted keys and Python literals', () => {
    expect(parseLooseJson("{city: 'Paris', tags: ['a', 'b',], ok: True, none: None,}")).toEqual({
      city: 'Paris',
      tags: ['a', 'b'],
      ok: true,
      none: null,
    });
  });

  it('strips code fences and prose around the object', () => {
    expect(parseLooseJson('```json\n{"q": "x"}\n```')).toEqual({ q: 'x' });
    expect(parseLooseJson('Here you go: {"q": 1} hope it helps')).toEqual({ q: 1 });
  });

  it('keeps escapes and quotes inside strings', () => {
    expect(parseLooseJson("{'path': 'C:\\\\dir', 'say': 'it\\'s \"ok\"', 'u': '\\u00e9'}")).toEqual({
      path: 'C:\\dir',
      say: 'it\'s "ok"',
      u: 'é',
    });
  });

  it('closes a few missing brackets', () => {
    expect(parseLooseJson('{"a": {"b": [1, 2')).toEqual({ a: { b: [1, 2] } });
  });

  it('gives up on text that is not JSON', () => {
    expect(parseLooseJson('no json here')).toBeUndefined();
    expect(parseLooseJson('{"a": }')).toBeUndefined();
  });
});
