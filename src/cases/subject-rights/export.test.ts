// The HTML subject export is a file a person opens anywhere: every value escaped, nothing active,
// nothing fetched, and every section present (empty ones said so, ones not asked for left out).
import { describe, expect, it } from 'vitest';
import { renderSubjectExportHtml, type SubjectExport } from './export.js';

const hostile = `<img src=x onerror="alert('x')"><script>steal()</script> & "quotes"`;

const bundle: SubjectExport = {
  generatedAt: '2030-06-04T10:00:00.000Z',
  case: {
    pseudonym: 'C-4K7Q-M2XD',
    alias: 'Amber Heron',
    status: 'closed',
    outcome: 'helped',
    openedAt: '2030-05-01T10:00:00.000Z',
    closedAt: '2030-06-01T10:00:00.000Z',
    gender: null,
    age: 24,
    languages: ['nl', 'ro'],
    place: hostile,
    nationality: null,
    exploitationTypes: [],
    needs: [],
  },
  consents: [],
  conversations: [
    {
      id: 'c1',
      kind: 'inbound',
      messages: [{ direction: 'in', at: '2030-05-01T09:00:00.000Z', text: hostile }],
    },
  ],
  referrals: [],
  tasks: null,
  notes: [{ at: '2030-05-02T09:00:00.000Z', text: '</td></tr></table><h1>forged</h1>' }],
};

describe('the HTML subject export', () => {
  const page = renderSubjectExportHtml(bundle);

  it('escapes every value and carries nothing active', () => {
    // The hostile text is there only as text: no tag that runs or fetches, no handler in any tag.
    expect(page).not.toMatch(/<(script|img|link|iframe|object|embed|base|form)\b/i);
    expect(page).not.toMatch(/<[^>]*\s(on\w+|src|href)=/i);
    expect(page).toContain(
      '&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&lt;script&gt;steal()&lt;/script&gt; &amp; &quot;quotes&quot;',
    );
    expect(page).toContain('&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;h1&gt;forged&lt;/h1&gt;');
    expect(page.match(/<h1>/g)).toHaveLength(1);
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('shows every section asked for, says when one is empty, and leaves out the rest', () => {
    expect(page).toContain('<title>Data held about C-4K7Q-M2XD</title>');
    expect(page).toContain('<h2>Consents</h2><p class="none">None.</p>');
    expect(page).toContain('<h2>Notes</h2>');
    expect(page).not.toContain('<h2>Tasks</h2>');
    expect(page).toContain('nl, ro');
    expect(page).toContain('Amber Heron');
  });
});
