#!/usr/bin/env node
// The Typst side of the benchmarks: the same letter as latex-peer.mjs, signed by N people, as one
// Typst document, as a group would do it with Typst (https://typst.app), the modern typesetter.
//
//   node typst-peer.mjs LETTER.txt N OUT_DIR     (LETTER.txt: a plain-text letter, e.g. `appeal write … --stdout`)
//   cd OUT_DIR && typst compile letters.typ
//
// Typst's own fonts (Libertinus Serif, with Cyrillic) are used, so nothing else is needed.
import { writeFileSync, mkdirSync } from 'node:fs';
import { readPeerLetter } from './peer-letter.mjs';
import { join } from 'node:path';

const { count, outDir, salutation, closing, paragraphs, recipient } = readPeerLetter('typst-peer.mjs', '1', 'typst-peer');
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
