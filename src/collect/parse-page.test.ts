import { describe, expect, it } from 'vitest';
import { decodePage, findLinks, parseAdPage } from './parse-page.js';
import { SourceDefinition } from './source-definition.js';

const def = SourceDefinition.parse({
  name: 'test-site',
  country: 'nl',
  startUrls: ['http://127.0.0.1:9/'],
  listing: { adLinkSelector: 'a.ad', nextPageSelector: 'a.next', listingUrlPattern: '/city/' },
  fields: {
    title: { selector: 'h1' },
    body: { selector: '.body' },
    phone: { selector: 'a.tel', attribute: 'href', pattern: '^tel:(.+)$' },
    age: { selector: 'dd.age' },
    images: { selector: 'img.photo', attribute: 'src', all: true },
    externalId: { selector: '[data-ad-id]', attribute: 'data-ad-id' },
  },
});

describe('decodePage', () => {
  it('follows the declared charset, then the meta tag', () => {
    const cp1252 = Buffer.from([0x3c, 0x70, 0x3e, 0xe9, 0x80, 0x3c, 0x2f, 0x70, 0x3e]);
    expect(decodePage(cp1252, 'text/html; charset=windows-1252').html).toBe('<p>é€</p>');
    const latin2 = Buffer.concat([
      Buffer.from('<meta charset="iso-8859-2"><p>'),
      Buffer.from([0xf5, 0xb3]),
      Buffer.from('</p>'),
    ]);
    expect(decodePage(latin2, 'text/html').html).toContain('őł');
  });
});

describe('parseAdPage', () => {
  it('reads fields as text, keeps line breaks and never keeps markup or script', () => {
    const html = `<html><body data-ad-id="A-17"><h1>Hi <b>there</b></h1>
      <div class="body">Line one<br>Line two<script>alert(1)</script><p>Para &amp; more</p></div>
      <a class="tel" href="tel:+31612345678">call</a><dl><dd class="age">21</dd></dl>
      <img class="photo" src="/i/1.png"><img class="photo" src="https://127.0.0.1:9/i/2.png"></body></html>`;
    const ad = parseAdPage(html, 'http://127.0.0.1:9/ad/17', def);
    expect(ad.errors).toEqual([]);
    expect(ad.fields).toMatchObject({
      title: 'Hi there',
      phone: '+31612345678',
      age: '21',
      externalId: 'A-17',
    });
    expect(ad.fields.body).toBe('Line one\nLine two\nPara & more');
    expect(ad.fields.images).toEqual(['http://127.0.0.1:9/i/1.png', 'https://127.0.0.1:9/i/2.png']);
  });

  it('reports missing fields and a page without a body, and survives malformed HTML', () => {
    const ad = parseAdPage(
      '<div class="body"><p>unclosed <b>tags <i>everywhere',
      'http://127.0.0.1:9/ad/1',
      def,
    );
    expect(ad.fields.body).toBe('unclosed tags everywhere');
    expect(ad.missing).toEqual(
      expect.arrayContaining(['title', 'phone', 'age', 'images', 'externalId']),
    );
    const none = parseAdPage('<p>nothing here</p>', 'http://127.0.0.1:9/ad/2', def);
    expect(none.errors.join()).toMatch(/body/);
  });
});

describe('findLinks', () => {
  it('finds ads and listings on the source hosts only', () => {
    const html = `<a class="ad" href="/ad/1">1</a><a class="ad" href="/ad/1#x">dup</a>
      <a class="ad" href="https://elsewhere.example/ad/2">off-site</a><a class="next" href="?page=2">next</a>
      <a href="/city/utrecht">Utrecht</a><a href="javascript:alert(1)">x</a>`;
    const links = findLinks(html, 'http://127.0.0.1:9/city/amsterdam', def);
    expect(links.ads).toEqual(['http://127.0.0.1:9/ad/1']);
    expect(links.listings.sort()).toEqual([
      'http://127.0.0.1:9/city/amsterdam?page=2',
      'http://127.0.0.1:9/city/utrecht',
    ]);
  });
});

describe('SourceDefinition', () => {
  it('explains what is wrong with a definition', () => {
    const r = SourceDefinition.safeParse({
      name: 'Bad Name',
      country: 'nl',
      startUrls: ['ftp://x'],
      listing: {},
      fields: { body: { selector: '.b', pattern: '(' } },
      schedule: 'every day',
    });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['name', 'startUrls.0', 'listing', 'fields.body.pattern', 'schedule']),
    );
  });
});
