import fc from 'fast-check';
import { escapeMarkdown } from '../../src/render/markdown-escape.js';

const issueUrl = (n: number) => `https://github.com/o/r/issues/${n}`;

describe('escapeMarkdown', () => {
  it.each([
    // HTML cannot get through
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['<!-- hidden -->', '&lt;!-- hidden --&gt;'],
    ['&lt;script&gt; and &#64;user', '&amp;lt;script&amp;gt; and &amp;#64;user'],
    ['AT&T & friends', 'AT&T & friends'],
    // mentions become code spans; e-mail addresses are not mentions
    ['thanks @octocat!', 'thanks `@octocat`!'],
    ['cc @acme/core-team', 'cc `@acme/core-team`'],
    ["update deps matching '@opentelemetry/*'", "update deps matching '`@opentelemetry/*`'"],
    ['(@a-b)', '(`@a-b`)'],
    ['@a@b', '`@a@b`'],
    ['bump @scope/pkg@^1.2.0', 'bump `@scope/pkg@^1.2.0`'],
    ['`code`@user`code`', '`code` `@user` `code`'],
    ['mail me@example.com', 'mail me@example.com'],
    // Markdown that could act is escaped, the rest is left alone
    ['make *this* bold', 'make \\*this\\* bold'],
    ['a lone * or a lone _ stay', 'a lone * or a lone _ stay'],
    ['keep snake_case_names readable', 'keep snake_case_names readable'],
    ['__init__.py', '\\_\\_init\\_\\_.py'],
    ['x * y * z', 'x * y * z'],
    ['~~struck~~', '\\~\\~struck\\~\\~'],
    ['~1.2.3', '~1.2.3'],
    ['[click](https://evil.example)', '\\[click](https://evil.example)'],
    ['![img](https://x/y.png)', '!\\[img](https://x/y.png)'],
    ['[ ] not a task box', '\\[ ] not a task box'],
    ['array[0 only', 'array[0 only'],
    ['don\'t "quote" me, it\'s fine (really).', 'don\'t "quote" me, it\'s fine (really).'],
    ['C:\\Users\\me', 'C:\\Users\\me'],
    ['a \\*b\\*', 'a \\\\\\*b\\\\\\*'],
    // line starts
    ['# heading', '\\# heading'],
    ['### h3', '\\### h3'],
    ['#12 is an issue, not a heading', '#12 is an issue, not a heading'],
    ['- looks like a list', '\\- looks like a list'],
    ['+ plus', '\\+ plus'],
    ['1. first', '1\\. first'],
    ['---', '\\---'],
    ['note\n    - kept nested item\n# not a heading', 'note\n    - kept nested item\n\\# not a heading'],
    // code spans are copied verbatim
    ['use `<T>` and `@user` and `*x*`', 'use `<T>` and `@user` and `*x*`'],
    ['``a ` b`` then <b>', '``a ` b`` then &lt;b&gt;'],
    ['unclosed ` tick <i>', 'unclosed \\` tick &lt;i&gt;'],
  ])('%j → %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it('links issue references outside code spans when given an issue URL', () => {
    expect(escapeMarkdown('fix #12 and #13 (#14), not `#15`, a#16, &#17; or o/r#18', { issueUrl })).toBe(
      'fix [#12](https://github.com/o/r/issues/12) and [#13](https://github.com/o/r/issues/13) ' +
        '([#14](https://github.com/o/r/issues/14)), not `#15`, a#16, &amp;#17; or o/r#18',
    );
    expect(escapeMarkdown('fix #12')).toBe('fix #12');
  });

  it('escapes every emphasis character in strict mode (text inside our own **bold**)', () => {
    expect(escapeMarkdown('a*b', { strict: true })).toBe('a\\*b');
    expect(escapeMarkdown('snake_case', { strict: true })).toBe('snake_case');
    expect(escapeMarkdown('trailing_', { strict: true })).toBe('trailing\\_');
    expect(escapeMarkdown('a*b')).toBe('a*b');
  });

  it('never lets a raw `<`, `>` or unquoted @mention through (property)', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('<', '>', '@', 'a', 'Z', '9', ' ', '-', '/', '&', '#', '\n', '_'),
        }),
        (s) => {
          const out = escapeMarkdown(s);
          expect(out).not.toMatch(/[<>]/);
          // outside code spans (which end a text node, hence the space), no @ may start a mention
          const prose = out.replace(/(?<!\\)(`+)[^`]*?\1/g, ' ');
          expect(prose).not.toMatch(/(^|[^A-Za-z0-9_])@[A-Za-z0-9]/);
        },
      ),
    );
  });

  it('leaves plain prose unchanged (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ,.'"():;!?-]{0,60}$/), (s) => {
        expect(escapeMarkdown(s)).toBe(s);
      }),
    );
  });
});
