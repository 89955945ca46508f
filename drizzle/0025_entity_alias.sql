-- Entity aliases: a speakable, random name per entity ("cobalt-river-417"), never derived from
-- the person's data (see src/link/alias.ts, whose word lists these are: alias.test.ts checks that
-- they stay the same). Linking draws aliases itself; this function is the column's default for any
-- other way an entity is made, and gives every existing entity one. Randomness comes from
-- gen_random_uuid(), which PostgreSQL draws from its strong (cryptographic) random source.
CREATE OR REPLACE FUNCTION entity_alias() RETURNS text AS $$
DECLARE
  first_words text[] := ARRAY[
    'azure', 'bronze', 'cobalt', 'copper', 'crimson', 'cyan', 'golden', 'indigo',
    'mint', 'ochre', 'scarlet', 'silver', 'teal', 'topaz', 'marble', 'granite',
    'linen', 'cotton', 'velvet', 'wooden', 'paper', 'glass', 'steel', 'frosty',
    'misty', 'sunny', 'windy', 'rainy', 'snowy', 'cloudy', 'breezy', 'quiet',
    'calm', 'swift', 'bright', 'round', 'square', 'hollow', 'solid', 'plain',
    'smooth', 'rapid', 'steady', 'polar', 'lunar', 'solar', 'cosmic', 'sonic'
  ];
  second_words text[] := ARRAY[
    'river', 'brook', 'meadow', 'forest', 'maple', 'cedar', 'birch', 'willow',
    'aspen', 'fern', 'moss', 'clover', 'tulip', 'lotus', 'acorn', 'pebble',
    'boulder', 'glacier', 'comet', 'planet', 'orbit', 'meteor', 'lantern', 'kettle',
    'anchor', 'compass', 'ladder', 'bucket', 'basket', 'candle', 'button', 'pencil',
    'feather', 'falcon', 'heron', 'otter', 'badger', 'sparrow', 'finch', 'owl',
    'gull', 'lynx', 'panda', 'walrus', 'turtle', 'salmon', 'trout', 'dolphin',
    'whale', 'puffin', 'pelican', 'beetle', 'cricket', 'moth', 'hedgehog', 'squirrel',
    'bison', 'moose', 'orchard', 'bridge', 'windmill', 'bicycle', 'wagon', 'kite',
    'drum', 'flute', 'violin', 'piano', 'cello', 'trumpet', 'banjo', 'harp',
    'rocket', 'engine', 'magnet', 'prism', 'crystal', 'quartz', 'ember', 'spark',
    'thunder', 'breeze', 'frost', 'cloud', 'shell', 'wave', 'tide', 'ripple',
    'puzzle', 'domino', 'mitten', 'teapot', 'spoon', 'canoe', 'paddle', 'sail'
  ];
  r bytea;
  candidate text;
BEGIN
  FOR attempt IN 1..64 LOOP
    -- The first six bytes of a version-4 UUID are all random.
    r := uuid_send(gen_random_uuid());
    candidate := first_words[1 + (get_byte(r, 0) * 256 + get_byte(r, 1)) % array_length(first_words, 1)]
      || '-' || second_words[1 + (get_byte(r, 2) * 256 + get_byte(r, 3)) % array_length(second_words, 1)]
      || '-' || (10 + (get_byte(r, 4) * 256 + get_byte(r, 5)) % 990)::text;
    IF NOT EXISTS (SELECT 1 FROM entities WHERE alias = candidate) THEN
      RETURN candidate;
    END IF;
  END LOOP;
  RAISE EXCEPTION 'no unused entity alias after 64 draws';
END;
$$ LANGUAGE plpgsql VOLATILE;
--> statement-breakpoint
ALTER TABLE "entities" ADD COLUMN "alias" text;
--> statement-breakpoint
-- One entity at a time, so that each draw sees the aliases given before it.
DO $$
DECLARE
  e record;
BEGIN
  FOR e IN SELECT id FROM entities WHERE alias IS NULL ORDER BY created_at, id LOOP
    UPDATE entities SET alias = entity_alias() WHERE id = e.id;
  END LOOP;
END;
$$;
--> statement-breakpoint
ALTER TABLE "entities" ALTER COLUMN "alias" SET DEFAULT entity_alias();
--> statement-breakpoint
ALTER TABLE "entities" ALTER COLUMN "alias" SET NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX "entities_alias_key" ON "entities" USING btree ("alias");
