import { describe, expect, it } from 'vitest';
import {
  jsonPathLines,
  lineOfPath,
  parseProblems,
  syntaxErrorLine,
  syntaxErrorOffset,
} from './json-lines';

const text = JSON.stringify(
  {
    name: 'x',
    startUrls: ['https://a.example/', 'https://b.example/'],
    fields: { body: { selector: '' } },
    limits: { maxPages: 0 },
  },
  null,
  2,
);

describe('jsonPathLines', () => {
  it('finds the line of every member and array element', () => {
    const lines = jsonPathLines(text);
    expect(lines.get('name')).toBe(2);
    expect(lines.get('startUrls.1')).toBe(5);
    expect(lines.get('fields.body.selector')).toBe(9);
    expect(lines.get('limits.maxPages')).toBe(13);
  });

  it('falls back to the nearest member that exists', () => {
    expect(lineOfPath(jsonPathLines(text), 'fields.title.selector')).toBe(7);
    expect(lineOfPath(jsonPathLines(text), 'listing')).toBeNull();
  });
});

describe('parseProblems', () => {
  it('reads the server list of problems, one per line', () => {
    const message =
      'The source definition has problems:\nname: use lower-case letters\nlimits.maxPages: Too small: expected number to be >=1\nsource: Unrecognized key: "foo"';
    expect(parseProblems(message)).toEqual([
      { path: 'name', message: 'use lower-case letters' },
      { path: 'limits.maxPages', message: 'Too small: expected number to be >=1' },
      { path: '', message: 'Unrecognized key: "foo"' },
    ]);
  });

  it('reads request validation joined with semicolons', () => {
    expect(parseProblems('Invalid request: body: expected record; name: too short')).toEqual([
      { path: 'body', message: 'expected record' },
      { path: 'name', message: 'too short' },
    ]);
  });
});

describe('syntaxErrorLine', () => {
  it('turns the position JSON.parse gives into a line', () => {
    const bad = '{\n  "a": 1,\n  "b": }';
    let message = '';
    try {
      JSON.parse(bad);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(syntaxErrorLine(bad, message)?.line).toBe(3);
  });
});

describe('syntaxErrorOffset', () => {
  it('accepts JSON and finds where other text goes wrong', () => {
    expect(syntaxErrorOffset(text)).toBeNull();
    expect(syntaxErrorOffset('{"a": [1, 2,]}')).toBe(12);
    expect(syntaxErrorOffset('{"a": "x\\q"}')).toBe(9);
    expect(syntaxErrorOffset('{"a": 1} x')).toBe(9);
    expect(syntaxErrorOffset('{ "name": ')).toBe(10);
  });
});
