#!/usr/bin/env node
// The Typst side of the benchmarks: the same letter as latex-peer.mjs, signed by N people, as one
// Typst document, as a group would do it with Typst (https://typst.app), the modern typesetter.
//
//   node typst-peer.mjs LETTER.txt N OUT_DIR     (LETTER.txt: a plain-text letter, e.g. `appeal write … --stdout`)
//   cd OUT_DIR && typst compile letters.typ
//
// Typst's own fonts (Libertinus Serif, with Cyrillic) are used, so nothing else is needed.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [file, count = '1', outDir = 'typst-peer'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node typst-peer.mjs LETTER.txt N OUT_DIR');
  process.exit(64);
}
const lines = readFileSync(file, 'utf8').split(/\r?\n/);
const start = lines.findIndex((l) => /^Dear\b/.test(l.trim()));
const end = lines.findIndex((l, i) => i > start && /^Yours\b/.test(l.trim()));
if (start < 0 || end < 0) {
  console.error(`${file}: no line starting with "Dear" followed by a "Yours …" closing`);
  process.exit(65);
}
const salutation = lines[start].trim();
const closing = lines[end].trim();
const paragraphs = lines.slice(start + 1, end).join('\n').split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
const recipient = (process.env.RECIPIENT ?? 'Ambassador Anatoly Antonov|Embassy of the Russian Federation|2650 Wisconsin Ave. NW|Washington DC 20007').split('|');
// Typst markup: escape what would start markup, keep the text as it is.
const typ = (s) => s.replace(/[\\#$*_`<>@=\-+/\[\]~"]/g, (c) => `\\${c}`);
const signers = ['Jane Doe', 'Анна Иванова', 'José Núñez', 'Zoë Brontë', 'Ахмед Алиев', 'Li Wei'];

const out = [`#set page(paper: "a4", margin: 2cm)
#set text(size: 11pt)
#set par(justify: false)
#let letter(signer) = [
  #align(right)[12 Harbour Lane \\ Bristol BS1 4DJ \\ United Kingdom]
  #align(right)[22 November 2026]
  ${recipient.map(typ).join(' \\ ')}

  ${typ(salutation)}

${paragraphs.map((p) => `  ${typ(p)}`).join('\n\n')}

  ${typ(closing)}
  #v(2em)
  #signer
]`];
for (let i = 0; i < Number(count); i++) {
  if (i) out.push('#pagebreak()');
  out.push(`#letter[${typ(`${signers[i % signers.length]} ${i + 1}`)}]`);
}
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'letters.typ'), `${out.join('\n')}\n`);
console.log(join(outDir, 'letters.typ'));
