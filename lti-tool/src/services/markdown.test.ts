import { describe, expect, it } from 'vitest';
import {
  autolink,
  escapeInline,
  escapeLineStart,
  heading,
  md,
  paragraphs,
  quote,
  table,
  trustedMarkdown,
} from './markdown.ts';

describe('the Markdown writer', () => {
  it('escapes interpolated text and trusts only the template', () => {
    expect(md`**Purpose:** ${'[click](javascript:alert(1)) <img src=x onerror=alert(1)> *bold*'}`.value).toBe(
      '**Purpose:** \\[click\\](javascript:alert(1)) \\<img src=x onerror=alert(1)\\> \\*bold\\*',
    );
  });
  it('keeps user text from opening a block: headings, lists, quotes, code, setext lines', () => {
    expect(escapeLineStart('# Not a heading')).toBe('\\# Not a heading');
    expect(escapeLineStart('- not a list')).toBe('\\- not a list');
    expect(escapeLineStart('1. not a list')).toBe('1\\. not a list');
    expect(escapeLineStart('> not a quote')).toBe('\\> not a quote');
    expect(escapeLineStart('    not code')).toBe('not code');
    expect(escapeLineStart('===')).toBe('\\===');
    expect(escapeInline('one\n## two')).toBe('one \\#\\# two');
  });
  it('escapes block starts where a block could start, and nowhere else', () => {
    expect(md`- ${'- nested?'}`.value).toBe('- \\- nested?');
    expect(md`${trustedMarkdown('1.')} ${'2. nested?'}`.value).toBe('1. 2\\. nested?');
    expect(md`- [ ] ${'+ nested?'}`.value).toBe('- [ ] \\+ nested?');
    expect(md`Done ${' (due 2026-01-01)'} - ${'1. ok'}`.value).toBe('Done  (due 2026-01-01) - 1. ok');
  });
  it('escapes entities, so text shows as typed', () => {
    expect(escapeInline('&lt;script&gt; & co')).toBe('\\&lt;script\\&gt; \\& co');
  });
  it('writes headings on one line, whatever the text holds', () => {
    expect(heading(3, 'Goal\n# Injected').value).toBe('### Goal \\# Injected');
  });
  it('keeps line breaks and paragraphs of multi-line text, each line escaped', () => {
    expect(paragraphs('first\n- second\n\n\n# third').value).toBe('first\\\n\\- second\n\n\\# third');
    expect(quote('said\n\n> more').value).toBe('> said\n>\n> \\> more');
  });
  it('links web addresses only', () => {
    expect(autolink('https://example.org/a?b=1').value).toBe('<https://example.org/a?b=1>');
    expect(autolink('javascript:alert(1)').value).toBe('javascript:alert(1)');
    expect(autolink('https://x.org/> <b>').value).toBe('https://x.org/\\> \\<b\\>');
  });
  it('keeps a pipe in its table cell', () => {
    expect(table(['a', 'b'], [['x | y', null]]).value).toBe('| a | b |\n| --- | --- |\n| x \\| y |   |');
  });
});
