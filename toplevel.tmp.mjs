import ts from 'typescript'; import fs from 'fs';
for (const file of process.argv.slice(2)) {
  const sf = ts.createSourceFile(file, fs.readFileSync(file,'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x')?ts.ScriptKind.TSX:ts.ScriptKind.TS);
  const visit=(n, inFn)=>{ const fn = inFn || ts.isFunctionLike(n);
    if (ts.isTaggedTemplateExpression(n) && n.tag.getText(sf)==='t' && !fn) console.log(file, sf.getLineAndCharacterOfPosition(n.getStart(sf)).line+1, n.getText(sf).slice(0,60));
    ts.forEachChild(n, c=>visit(c, fn)); };
  visit(sf,false);
}
