import { describe, expect, it } from 'vitest';
import { filterParams } from './api';
import { exploitationTypesOf, parseQueueSearch } from './filters';

describe('the queue filters in the URL', () => {
  it('keeps the type of exploitation, one or a list, in a fixed order', () => {
    expect(parseQueueSearch({ exploitation: 'criminal' })).toEqual({ exploitation: 'criminal' });
    expect(parseQueueSearch({ exploitation: 'both,criminal' })).toEqual({
      exploitation: 'criminal,both',
    });
    expect(exploitationTypesOf('unclear, sexual,sexual')).toEqual(['sexual', 'unclear']);
  });

  it('drops a type it does not know rather than refusing the address', () => {
    expect(parseQueueSearch({ exploitation: 'labour' })).toEqual({});
    expect(parseQueueSearch({ exploitation: 'labour,criminal' })).toEqual({
      exploitation: 'criminal',
    });
    expect(parseQueueSearch({ exploitation: 7 })).toEqual({});
  });

  it('sends the type to the API as the URL has it, beside the other filters', () => {
    const filters = parseQueueSearch({ exploitation: 'criminal,both', flag: 'targets_young' });
    expect(filterParams(filters).toString()).toBe(
      'flag=targets_young&exploitation=criminal%2Cboth',
    );
  });
});
