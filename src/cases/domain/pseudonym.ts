// The names a case goes by, never the person's: a pseudonym that records and exports carry
// ("C-4K7Q-M2XD", Crockford base32, no letters that read as digits) and a speakable alias that
// colleagues can say on the phone ("Amber Heron"). Both come from random bytes the caller passes,
// so the functions stay pure and a test can give fixed bytes; the store retries on a clash.

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const COLOURS = [
  'Amber',
  'Azure',
  'Birch',
  'Cedar',
  'Coral',
  'Copper',
  'Dune',
  'Ember',
  'Fern',
  'Flint',
  'Frost',
  'Hazel',
  'Indigo',
  'Ivory',
  'Jade',
  'Juniper',
  'Linen',
  'Maple',
  'Meadow',
  'Mist',
  'Moss',
  'Ochre',
  'Olive',
  'Pearl',
  'Pine',
  'Quartz',
  'Rowan',
  'Sage',
  'Slate',
  'Sorrel',
  'Willow',
  'Saffron',
] as const;

const ANIMALS = [
  'Heron',
  'Otter',
  'Finch',
  'Lynx',
  'Wren',
  'Robin',
  'Badger',
  'Falcon',
  'Hare',
  'Swift',
  'Plover',
  'Marten',
  'Egret',
  'Lark',
  'Stoat',
  'Kestrel',
  'Dove',
  'Beaver',
  'Crane',
  'Ibis',
  'Owl',
  'Puffin',
  'Seal',
  'Teal',
  'Vole',
  'Gull',
  'Koala',
  'Mole',
  'Newt',
  'Oriole',
  'Sparrow',
  'Tern',
] as const;

/** A pseudonym from 8 random bytes: "C-" and two groups of four base32 characters. */
export function pseudonymFrom(bytes: Uint8Array): string {
  if (bytes.length < 8) throw new Error('A pseudonym takes 8 random bytes.');
  const chars = Array.from(bytes.subarray(0, 8), (b) => CROCKFORD[b % 32]).join('');
  return `C-${chars.slice(0, 4)}-${chars.slice(4, 8)}`;
}

/** A speakable alias from 2 random bytes: a colour or plant and an animal. */
export function aliasFrom(bytes: Uint8Array): string {
  if (bytes.length < 2) throw new Error('An alias takes 2 random bytes.');
  return `${COLOURS[bytes[0]! % COLOURS.length]} ${ANIMALS[bytes[1]! % ANIMALS.length]}`;
}
