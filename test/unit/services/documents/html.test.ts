import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../../electron/services/documents/index.js';
import { ACTION, concat, refused, utf8 } from './helpers.js';

const PARAGRAPHS = [
  'The Security Council met on Monday to discuss a ceasefire proposal that has been circulating among members for several weeks, diplomats said.',
  '“We will not accept further delays,” said the ambassador, who spoke to reporters outside the chamber after the closed-door session ended late in the evening.',
  'A vote is expected on Friday, according to two diplomats familiar with the talks.',
  'Observers will report back within thirty days of the vote taking place.',
  'Other members said they needed more time to consult their capitals before committing to any text, and asked for a further round of negotiations.',
];

/** A saved news page: everything around the article is what a reporter does not want. */
function newsPage({ charset = 'utf-8', canonical = '<link rel="canonical" href="https://news.example/world/council-ceasefire">', extraHead = '' } = {}) {
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="${charset}">
  <title>Council weighs ceasefire | The Daily Example</title>
  ${canonical}
  <meta property="og:url" content="https://news.example/og/council">
  ${extraHead}
  <style>.cookie-banner { position: fixed } body::before { content: "STYLE TEXT" }</style>
  <script>window.analytics = "TRACKING SCRIPT TEXT"; document.title = "CHANGED BY SCRIPT";</script>
</head>
<body>
  <header class="site-header"><a href="/">The Daily Example</a>
    <nav class="main-nav"><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav>
  </header>
  <div class="cookie-banner" id="cookie-consent">We use cookies to improve your experience. <button>Accept all cookies</button></div>
  <main>
    <article class="story">
      <h1>Council weighs ceasefire</h1>
      <p class="byline">By <a href="/staff/ana">Ana Ruiz</a></p>
      <p>${PARAGRAPHS[0]}</p>
      <p>${PARAGRAPHS[1]}</p>
      <script>document.write("INLINE SCRIPT TEXT"); document.body.innerHTML = "INJECTED";</script>
      <h2>What happens next</h2>
      <ul>
        <li>${PARAGRAPHS[2]}</li>
        <li>${PARAGRAPHS[3]}</li>
      </ul>
      <p>${PARAGRAPHS[4]}</p>
    </article>
    <aside class="related ad">Advertisement: Buy the new phone now! Related: Ten things you missed this week.</aside>
  </main>
  <footer>© 2026 The Daily Example · Privacy · Terms</footer>
  <noscript>NOSCRIPT TEXT</noscript>
</body>
</html>`;
}

describe('readDocument: web pages', () => {
  it('keeps the article, one paragraph per block separated by a blank line, and nothing around it', async () => {
    const read = await readDocument('saved/council.html', utf8(newsPage()));
    expect(read.format).toBe('html');
    const paragraphs = read.text.split('\n\n');
    for (const paragraph of PARAGRAPHS) expect(paragraphs).toContain(paragraph);
    expect(paragraphs).toContain('What happens next');
    // List items are paragraphs of their own, in order.
    expect(paragraphs.indexOf(PARAGRAPHS[3]!)).toBe(paragraphs.indexOf(PARAGRAPHS[2]!) + 1);
    for (const unwanted of ['TRACKING SCRIPT TEXT', 'INLINE SCRIPT TEXT', 'INJECTED', 'STYLE TEXT', 'NOSCRIPT TEXT', 'cookies', 'Politics', 'Advertisement', 'Privacy']) {
      expect(read.text).not.toContain(unwanted);
    }
    expect(read.text).not.toMatch(/\n{3}|^\s|\s$/);
  });

  it('takes the title from Readability and the source URL from the canonical link', async () => {
    const read = await readDocument('council.htm', utf8(newsPage()));
    expect(read.title).toMatch(/Council weighs ceasefire/);
    expect(read.title).not.toContain('CHANGED BY SCRIPT');
    expect(read.sourceUrl).toBe('https://news.example/world/council-ceasefire');
    expect(read).toMatchObject({ encoding: 'utf-8', encodingDetected: false });
  });

  it('falls back to og:url, and accepts only http(s) addresses', async () => {
    expect((await readDocument('a.html', utf8(newsPage({ canonical: '' })))).sourceUrl).toBe('https://news.example/og/council');
    const local = newsPage({ canonical: '<link rel="canonical" href="file:///C:/Users/ana/page.html">' }).replace('https://news.example/og/council', 'javascript:alert(1)');
    expect((await readDocument('a.html', utf8(local))).sourceUrl).toBeNull();
    const relative = newsPage({ canonical: '<link rel="canonical" href="/world/council">' }).replace('https://news.example/og/council', '');
    expect((await readDocument('a.html', utf8(relative))).sourceUrl).toBeNull();
  });

  it('fills the headline, outlet, byline and publication date from the page’s meta tags', async () => {
    const extraHead = `<meta property="og:title" content="Council weighs  ceasefire as talks drag on">
  <meta property="og:site_name" content="The Daily Example">
  <meta name="author" content="Ana Ruiz">
  <meta property="article:published_time" content="2024-03-15T09:30:00+01:00">`;
    const read = await readDocument('council.html', utf8(newsPage({ extraHead })));
    expect(read).toMatchObject({ headline: 'Council weighs ceasefire as talks drag on', outlet: 'The Daily Example', byline: 'Ana Ruiz', publishedOn: '2024-03-15' });
  });

  it('leaves out what the tags do not say, a profile link for an author and a date that is no date', async () => {
    const extraHead = `<meta property="article:author" content="https://news.example/staff/ana">
  <meta property="article:published_time" content="last Tuesday">`;
    const read = await readDocument('council.html', utf8(newsPage({ extraHead })));
    expect(read.headline ?? null).toBeNull();
    expect(read.outlet ?? null).toBeNull();
    expect(read.publishedOn ?? null).toBeNull();
    // Readability's byline from the article, not the profile link.
    expect(read.byline).not.toMatch(/^https?:/);
  });

  it('decodes a page by its <meta charset>, Windows-1252 included, and says the page declared it', async () => {
    const read = await readDocument('old.html', Uint8Array.from(iconv.encode(newsPage({ charset: 'windows-1252' }), 'windows-1252')));
    expect(read).toMatchObject({ encoding: 'windows-1252', encodingDetected: false });
    expect(read.text).toContain(PARAGRAPHS[1]);
    // Browsers read "iso-8859-1" pages as Windows-1252: curly quotes must survive that too.
    const latin = await readDocument('old.html', Uint8Array.from(iconv.encode(newsPage({ charset: 'ISO-8859-1' }), 'windows-1252')));
    expect(latin.encoding).toBe('windows-1252');
    expect(latin.text).toContain(PARAGRAPHS[1]);
  });

  it('decodes a page by its http-equiv Content-Type when there is no <meta charset>', async () => {
    const page = newsPage().replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">');
    const read = await readDocument('old.html', Uint8Array.from(iconv.encode(page, 'windows-1252')));
    expect(read.encoding).toBe('windows-1252');
    expect(read.text).toContain('“We will not accept');
  });

  it('lets a BOM win over <meta charset>, and the user win over both', async () => {
    const page = newsPage({ charset: 'windows-1252' });
    const withBom = await readDocument('p.html', concat(Uint8Array.of(0xef, 0xbb, 0xbf), utf8(page)));
    expect(withBom).toMatchObject({ encoding: 'utf-8', encodingDetected: false });
    expect(withBom.text).toContain('“We will not accept');
    const chosen = await readDocument('p.html', utf8(page), { encoding: 'utf-8' });
    expect(chosen.text).toContain('“We will not accept');
  });

  it('detects the encoding of a page that declares none', async () => {
    const page = newsPage().replace('<meta charset="utf-8">', '');
    const read = await readDocument('p.html', Uint8Array.from(iconv.encode(page, 'windows-1252')));
    expect(read).toMatchObject({ encoding: 'windows-1252', encodingDetected: true });
  });

  it('refuses a page declaring a charset it cannot read, naming it', async () => {
    const error = await refused(() => readDocument('tokyo.html', utf8(newsPage({ charset: 'shift_jis' }))), 'bad-encoding');
    expect(error.message).toContain('"tokyo.html" says it is in shift_jis (its <meta charset>)');
    expect(error.message).toMatch(ACTION);
  });

  it('refuses a page whose declared UTF-8 is not, naming the byte', async () => {
    const page = concat(utf8('<html><head><meta charset="utf-8"></head><body><p>Caf'), Uint8Array.of(0xe9), utf8(' noir</p></body></html>'));
    const error = await refused(() => readDocument('cafe.html', page), 'not-utf8');
    expect(error.message).toContain('position 53');
    expect(error.message).toContain('says it is utf-8');
  });

  it('reads the body when there is no article, still without scripts, navigation or footer', async () => {
    const page = '<html><head><title>Short note</title><script>var x = "SCRIPT";</script></head><body><nav>Home | News</nav><div>First line<br>second line</div><p>Closing words.</p><footer>Footer text</footer></body></html>';
    const read = await readDocument('note.html', utf8(page));
    expect(read.text).toBe('First line\nsecond line\n\nClosing words.');
    expect(read.title).toBe('Short note');
    expect(read.sourceUrl).toBeNull();
  });

  it('keeps the file name as title when the page has none', async () => {
    const read = await readDocument('untitled.html', utf8('<p>Just one paragraph of text.</p>'));
    expect(read).toMatchObject({ title: 'untitled', text: 'Just one paragraph of text.' });
  });

  it('refuses a page with no readable text', async () => {
    const error = await refused(() => readDocument('empty.html', utf8('<html><head><script>var a = 1;</script></head><body><nav>Home</nav></body></html>')), 'empty-file');
    expect(error.message).toContain('"empty.html" is a web page with no readable text');
  });
});
