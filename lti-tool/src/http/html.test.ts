import { describe, expect, it } from 'vitest';
import { escapeHtml, html, scriptJson, trustedHtml } from './html.ts';

describe('html', () => {
  it('escapes every interpolated value, in text and attributes alike', () => {
    const evil = `"><script>alert('x')</script>&`;
    expect(html`<a title="${evil}">${evil}</a>`.value).toBe(
      '<a title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</a>',
    );
  });

  it('keeps nested markup and arrays of it, and drops empty values', () => {
    const items = ['a<b', 'c'].map((t) => html`<li>${t}</li>`);
    const list = html`<ul>${items}</ul>${null}${undefined}${false}${trustedHtml('<hr>')}`;
    expect(list.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul><hr>');
  });

  it('writes JSON into a script so that no string can end the script or the line', () => {
    const value = { target: '</script><script>alert(1)</script>', amp: 'a&b', line: 'x\u2028y\u2029z' };
    const out = scriptJson(value).value;
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(out)).toEqual(value);
    expect(escapeHtml('plain')).toBe('plain');
  });
});
