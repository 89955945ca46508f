// The store keeps identifiers of the kinds the pure extractor calls identifiers, no more, no fewer.
import { describe, expect, it } from 'vitest';
import { IDENTIFIER_FACT_KINDS } from '../extract/index.js';
import { IDENTIFIER_KINDS } from './schema.js';

describe('identifier kinds', () => {
  it('agrees with the extractor on which facts are identifiers', () => {
    expect([...IDENTIFIER_FACT_KINDS].sort()).toEqual([...IDENTIFIER_KINDS].sort());
  });
});
