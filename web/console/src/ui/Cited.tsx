// A translated sentence around a citation: the published source stays in the language it was
// written in (English), marked as such for screen readers and for the Dutch-only check.

/** The placeholder a translation is given for the citation, then split on. */
export const CITATION = '\u0000';

export function Cited({ text, citation }: { text: string; citation: string }) {
  const [before = '', after = ''] = text.split(CITATION);
  return (
    <>
      {before}
      <span lang="en">{citation}</span>
      {after}
    </>
  );
}
