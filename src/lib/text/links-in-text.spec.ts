import { describe, expect, it } from 'vitest';
import { linksInText } from './links-in-text';

describe('linksInText', () => {
  it('marks http and https addresses and keeps the rest as text', () => {
    expect(linksInText('Läs mer på https://example.se/a?b=1 och http://x.se.')).toEqual([
      { text: 'Läs mer på ' },
      { text: 'https://example.se/a?b=1', href: 'https://example.se/a?b=1' },
      { text: ' och ' },
      { text: 'http://x.se', href: 'http://x.se' },
      { text: '.' },
    ]);
  });

  it('leaves other schemes and markup as plain text', () => {
    const text = 'javascript:alert(1) <a href="https://x.se">x</a> ftp://files.se data:text/html,hi';
    const links = linksInText(text).filter((p) => p.href);
    expect(links).toEqual([{ text: 'https://x.se', href: 'https://x.se' }]);
    expect(
      linksInText(text)
        .map((p) => p.text)
        .join(''),
    ).toBe(text);
  });

  it('keeps a closing bracket with the sentence', () => {
    expect(linksInText('(se https://x.se/a)')).toEqual([
      { text: '(se ' },
      { text: 'https://x.se/a', href: 'https://x.se/a' },
      { text: ')' },
    ]);
  });

  it('is one part for text without addresses', () => {
    expect(linksInText('Rad ett\nrad två')).toEqual([{ text: 'Rad ett\nrad två' }]);
  });
});
