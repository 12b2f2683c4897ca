import ts from 'typescript';
import fs from 'fs';
const PROPS = new Set(['label','description','message','title','kindLabel','placeholder','emptyText','confirmLabel','hint','aria-label','aria-description','alt','submitLabel','pendingLabel','heading','detail','empty','text']);
const ATTRS = new Set(['label','description','title','placeholder','aria-label','aria-description','alt','confirmLabel','emptyText','hint','submitLabel','pendingLabel','heading','empty']);
const INLINE = new Set(['strong','em','a','bdi','code','span','kbd','b','i','q','cite','time','abbr','small','mark']);
const letters = (s) => /[A-Za-z]/.test(s);
const hasJsx = (n) => { let f=false; const v=(x)=>{ if (f) return; if (ts.isJsxElement(x)||ts.isJsxSelfClosingElement(x)||ts.isJsxFragment(x)) {f=true;return;} ts.forEachChild(x,v); }; v(n); return f; };
for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const edits = [];
  const tpl = (s) => '`' + s.replace(/\\/g,'\\\\').replace(/`/g,'\\`').replace(/\$\{/g,'\\${') + '`';
  const inlineChild = (c) => {
    if (ts.isJsxText(c)) return true;
    if (ts.isJsxExpression(c)) { const e=c.expression; if (!e) return true; if (hasJsx(e)) return false;
      if (ts.isConditionalExpression(e) || ts.isBinaryExpression(e)) return false;
      if (ts.isStringLiteral(e)) return true;
      return ts.isIdentifier(e)||ts.isPropertyAccessExpression(e)||ts.isCallExpression(e)||ts.isElementAccessExpression(e)||ts.isTemplateExpression(e)||ts.isNoSubstitutionTemplateLiteral(e)||ts.isNonNullExpression(e); }
    if (ts.isJsxElement(c)) { const tag=c.openingElement.tagName.getText(sf); return INLINE.has(tag) && c.children.every(inlineChild); }
    if (ts.isJsxSelfClosingElement(c)) { return c.tagName.getText(sf)==='br'; }
    return false;
  };
  const isTrans = (el) => ts.isJsxElement(el) && ['Trans','Plural'].includes(el.openingElement.tagName.getText(sf));
  const visit = (node) => {
    if ((ts.isJsxElement(node) || ts.isJsxFragment(node)) && !isTrans(node)) {
      const kids = node.children;
      let run = [];
      const flush = () => {
        // trim whitespace-only text at both ends
        while (run.length && ts.isJsxText(run[0]) && !run[0].text.trim()) run.shift();
        while (run.length && ts.isJsxText(run[run.length-1]) && !run[run.length-1].text.trim()) run.pop();
        const hasText = run.some((c) => (ts.isJsxText(c) && letters(c.text)) || (ts.isJsxElement(c) && c.children.some(k=>ts.isJsxText(k)&&letters(k.text))));
        if (hasText && run.some((c)=>ts.isJsxText(c)&&letters(c.text))) {
          const first = run[0], last = run[run.length-1];
          let start = first.getStart(sf), end = last.getEnd();
          if (ts.isJsxText(first)) start = first.getStart(sf) + (first.getText(sf).length - first.getText(sf).trimStart().length);
          if (ts.isJsxText(last)) end = last.getEnd() - (last.getText(sf).length - last.getText(sf).trimEnd().length);
          edits.push([start, start, '<Trans>']);
          edits.push([end, end, '</Trans>']);
        }
        run = [];
      };
      for (const c of kids) {
        if (inlineChild(c)) run.push(c); else { flush(); }
      }
      flush();
    }
    if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer) && ATTRS.has(node.name.getText(sf)) && letters(node.initializer.text)) {
      edits.push([node.initializer.getStart(sf), node.initializer.getEnd(), '{t' + tpl(node.initializer.text) + '}']);
    }
    if (ts.isPropertyAssignment(node) && PROPS.has(node.name.getText(sf).replace(/['"]/g,''))) {
      const i = node.initializer;
      if ((ts.isStringLiteral(i) || ts.isNoSubstitutionTemplateLiteral(i)) && letters(i.text) && /[ A-Z]/.test(i.text)) edits.push([i.getStart(sf), i.getEnd(), 't' + tpl(i.text)]);
      else if (ts.isTemplateExpression(i)) edits.push([i.getStart(sf), i.getStart(sf), 't']);
    }
    if ((ts.isStringLiteral(node)) && ts.isConditionalExpression(node.parent) && node.parent.condition !== node && letters(node.text) && /[ A-Z]/.test(node.text)) {
      let p = node.parent; while (p && (ts.isConditionalExpression(p)||ts.isParenthesizedExpression(p))) p = p.parent;
      if (p && ts.isJsxExpression(p) && (ts.isJsxElement(p.parent) || ts.isJsxFragment(p.parent))) edits.push([node.getStart(sf), node.getEnd(), 't' + tpl(node.text)]);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  if (!edits.length) continue;
  edits.sort((a,b)=> b[0]-a[0] || (a[2]==='<Trans>' ? -1 : 1));
  let out = text;
  for (const [s,e,r] of edits) out = out.slice(0,s) + r + out.slice(e);
  fs.writeFileSync(file, out);
  console.log(edits.length, file);
}
