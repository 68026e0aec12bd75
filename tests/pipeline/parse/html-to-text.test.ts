import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { decodeEntities, htmlToText } from '../../../server/ingest/parse/html-to-text.js';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('htmlToText', () => {
  it('turns <br> and paragraph ends into newlines, as Mastodon does', () => {
    expect(htmlToText('<p>one<br>two<br/>three</p><p>four</p>')).toBe('one\ntwo\nthree\nfour');
    expect(htmlToText('<p>a</p>\n<p>b</p>')).toBe('a\nb');
    expect(htmlToText('<ul><li>x</li><li>y</li></ul><blockquote>q</blockquote>z')).toBe('x\ny\nq\nz');
  });

  it('reads source line breaks and runs of spaces as one space', () => {
    expect(htmlToText('<p>  spaced\n   out\ttext  </p>')).toBe('spaced out text');
  });

  it('keeps the text of invisible and ellipsis spans, so links are whole', () => {
    const link =
      '<a href="https://example.org/guides/library-tools" rel="nofollow noopener" target="_blank"><span class="invisible">https://</span>' +
      '<span class="ellipsis">example.org/guides/librar</span><span class="invisible">y-tools</span></a>';
    expect(htmlToText(`<p>see ${link}</p>`)).toBe('see https://example.org/guides/library-tools');
  });

  it('reads mention and hashtag links as their text', () => {
    const html =
      '<p><span class="h-card"><a href="https://mstdn.io/@alexl" class="u-url mention">@<span>alexl</span></a></span> ' +
      '<a href="https://mastodon.social/tags/mastodon" class="mention hashtag">#<span>Mastodon</span></a></p>';
    expect(htmlToText(html)).toBe('@alexl #Mastodon');
  });

  it('drops script, style and comments, whatever the case, and leaves no tag', () => {
    const html =
      'a<script>alert("</p>")</script>b<STYLE>p{}</STYLE >c<!-- <b>hidden</b> -->d<img src=x onerror=alert(1)>e<iframe src=x>f</iframe>g';
    expect(htmlToText(html)).toBe('abcdeg');
  });

  it('skips quoted attribute values holding >, but not an apostrophe in an unquoted one', () => {
    expect(htmlToText('<a title="x > y" href=\'z>\'>link</a>')).toBe('link');
    expect(htmlToText("<a title=don't>it</a>'s")).toBe("it's");
  });

  it('keeps a bare < as text and drops an unclosed tag', () => {
    expect(htmlToText('1 < 2 and 3 <4')).toBe('1 < 2 and 3 <4');
    expect(htmlToText('fine <a href="https://x')).toBe('fine');
  });

  it('decodes entities after removing tags, so escaped markup stays text', () => {
    expect(htmlToText('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp;</p>')).toBe('<script>alert(1)</script> &amp;');
  });

  it('gives back the text of any escaped paragraph', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const expected = text.replace(/[\t\n\r\f ]+/g, ' ').trim();
        expect(htmlToText(`<p>${escapeHtml(text)}</p>`)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('stays fast on hostile input', () => {
    const hostile = [
      '<'.repeat(200_000),
      '<a '.repeat(100_000),
      '<b> </b>'.repeat(100_000),
      '<!--'.repeat(100_000),
      '<script>'.repeat(50_000),
      '<a href="'.repeat(50_000),
      `<p a='${'x'.repeat(200_000)}`,
      '&#'.repeat(100_000),
    ];
    const started = Date.now();
    const lengths = hostile.map((h) => htmlToText(h).length);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(lengths).toEqual([200_000, 0, 0, 0, 0, 0, 0, 200_000]);
  });
});

describe('decodeEntities', () => {
  it('decodes named, decimal and hex entities', () => {
    expect(decodeEntities('&amp; &lt; &gt; &quot; &apos; &#39; &#x27; &#8212; &#x1F4DA; &hellip; &nbsp;|&rsquo;')).toBe(
      "& < > \" ' ' ' — 📚 …  |’",
    );
  });

  it('leaves unknown names and bare ampersands alone', () => {
    expect(decodeEntities('&bogus; AT&T &amp')).toBe('&bogus; AT&T &amp');
  });

  it('replaces code points that are not characters', () => {
    expect(decodeEntities('&#0;&#xD800;&#x110000;')).toBe('\ufffd\ufffd\ufffd');
  });
});
