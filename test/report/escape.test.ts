import { describe, expect, it } from 'vitest';
import { scrubText } from '../../src/model/mask.js';
import fc from 'fast-check';
import { csvField, escapeMarkdown, exactCsvRow, truncateMarkdown } from '../../src/report/escape.js';

describe('escapeMarkdown', () => {
  it('leaves no HTML, link, image or mention in hostile text', () => {
    const hostile = '<img src=x onerror=alert(1)> [click](https://evil.example) ![i](x) @octocat #1 **bold** | cell';
    const escaped = escapeMarkdown(hostile);
    expect(escaped).not.toMatch(/<img/);
    expect(escaped).not.toMatch(/(^|[^\\])\]\(/);
    expect(escaped).not.toMatch(/@octocat/);
    expect(escaped).not.toMatch(/https:\/\//);
    expect(escaped).not.toMatch(/(^|[^\\])\|/);
    expect(escaped).not.toMatch(/(^|[^\\])\*\*/);
  });
  it('leaves no autolink: www., bare emails, issue references', () => {
    const escaped = escapeMarkdown('see www.evil.example or mail ceo@acme.example about #42');
    expect(escaped).not.toMatch(/www\./);
    expect(escaped).not.toMatch(/ceo@acme/);
    expect(escaped).not.toMatch(/#42/);
  });
  it('keeps text on one line', () => {
    expect(escapeMarkdown('a\r\nb\nc')).toBe('a b c');
  });
});

describe('csvField', () => {
  it('quotes commas, quotes and newlines', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    // A line break inside a value people open is scrubbed to a space; id-map.csv keeps it, quoted.
    expect(csvField('x\ny')).toBe('x y');
    expect(exactCsvRow(['x\ny', 'a,b'])).toBe('"x\ny","a,b"\n');
  });
  it('defuses spreadsheet formulas', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});

describe('exactCsvRow (id-map.csv)', () => {
  it('keeps ids exactly as they are: no formula guard for the file programs load', () => {
    expect(exactCsvRow(['user', '-Mx1aBcD', '@x', '=1+1', '+7'])).toBe('user,-Mx1aBcD,@x,=1+1,+7\n');
    expect(csvField('-Mx1aBcD')).toBe("'-Mx1aBcD");
  });
});

describe('escapeMarkdown of an echoed Authorization header', () => {
  it('masks the token once, and a second pass over the escaped text leaves the mask alone', () => {
    const once = escapeMarkdown('(request authorized as Bearer sk_test_Q1w2E3r4)');
    expect(once).toBe('(request authorized as Bearer \\[secret\\])');
    expect(scrubText(once)).toBe(once);
  });
});

describe('truncateMarkdown', () => {
  const count = (text: string, tag: string) => text.split(tag).length - 1;
  it('never leaves a <details> fold open and never exceeds the limit', () => {
    const block = fc.oneof(
      fc.constant('<details><summary>Problems</summary>\n\n'),
      fc.constant('\n\n</details>'),
      fc.string({ maxLength: 200 }).map((s) => s.replace(/<\/?details>/g, '')),
      fc.constant('\n'),
    );
    fc.assert(
      fc.property(fc.array(block, { maxLength: 60 }), fc.integer({ min: 0, max: 3_000 }), (blocks, max) => {
        // Balanced input, as the renderer makes it: every fold it opens it closes.
        let open = 0;
        const balanced = blocks.filter((b) => {
          if (b.startsWith('<details>')) open++;
          else if (b.endsWith('</details>')) {
            if (open === 0) return false;
            open--;
          }
          return true;
        });
        const text = balanced.join('') + '\n\n</details>'.repeat(open);
        const cut = truncateMarkdown(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        if (text.length <= max) expect(cut).toBe(text);
        expect(count(cut, '<details>')).toBe(count(cut, '</details>'));
      }),
    );
  });
  it('cuts at a line end inside a fold and closes it', () => {
    const text = `head\n<details><summary>x</summary>\n\n${'line\n'.repeat(100)}\n\n</details>\n`;
    const cut = truncateMarkdown(text, 200);
    expect(cut.endsWith('</details>')).toBe(true);
    expect(cut).toMatch(/line\n…\n\n<\/details>$/);
  });
});
