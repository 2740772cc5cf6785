// The one helper every quoted user value goes through: one line, shortened first, then made inert.
import { describe, expect, it } from 'vitest';
import { ECHO_MAX, length } from '../../src/discord-limits';
import { echo } from '../../src/render/echo';

describe('echo', () => {
  it('breaks every mention-like syntax with a zero-width space', () => {
    const z = '\u200b';
    expect(
      echo('<#130000000000000001> </digest set:1> <:e:1> <a:e:1> <t:1700000000:R> @here @everyone'),
    ).toBe(
      `<${z}#130000000000000001> <${z}/digest set:1> <${z}:e:1> <${z}a:e:1> <${z}t:1700000000:R> @${z}here @${z}everyone`,
    );
  });

  it('escapes Markdown, masked links and backslashes, one backslash each', () => {
    expect(echo('[a](https://e.co) _i_ ~~s~~ `c` ||x|| \\')).toBe(
      '\\[a\\](https://e.co) \\_i\\_ \\~\\~s\\~\\~ \\`c\\` \\|\\|x\\|\\| \\\\',
    );
    expect(echo('**a***b*****')).toBe('\\*\\*a\\*\\*\\*b\\*\\*\\*\\*\\*');
  });

  it('keeps a value on one line and shortens it before escaping, so no escape is cut in half', () => {
    expect(echo('a\n\n# b\tc')).toBe('a # b c');
    const long = echo('*'.repeat(5000));
    expect(length(long.replaceAll('\\', ''))).toBe(ECHO_MAX);
    expect(long.endsWith('…')).toBe(true);
    expect(long).toMatch(/^(\\\*)+…$/);
  });

  it('leaves ordinary text as it is', () => {
    expect(echo('daily usage 2021')).toBe('daily usage 2021');
    expect(echo('短视频用户规模')).toBe('短视频用户规模');
  });
});
