import fs from 'fs';
const po = fs.readFileSync('lti-tool/src/web/locales/en.po','utf8');
const ids = [];
const re = /\nmsgid "((?:[^"\\]|\\.)*)"\n(?:msgid_plural[^\n]*\n)?msgstr/g;
let m; while ((m = re.exec(po))) if (m[1]) ids.push(JSON.parse('"'+m[1]+'"'));
fs.writeFileSync('/tmp/ids.json', JSON.stringify(ids, null, 0));
ids.forEach((id,i)=>console.log(i, JSON.stringify(id)));
