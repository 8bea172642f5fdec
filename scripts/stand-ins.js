// The typographic punctuation import reads as Latin-1 stand-ins, in the bundle (see
// src/import/stand-ins.ts, which says why): each of these characters and the C1 control code at its
// place in Windows-1252 ("’" and U+0092) trade places in the document's text, and, here at build
// time, in the source of the importer's modules, wherever their patterns and words name them.
// Letters (Š, œ, ƒ, ˆ) keep their own codes: as C1 codes they would no longer be letters.
'use strict';
const { readFileSync } = require('node:fs');

/** [character, its C1 stand-in]: Windows-1252's punctuation and symbols at 0x80–0x9F. */
const STAND_INS = [
  [0x20ac, 0x80], // €
  [0x201a, 0x82], // ‚
  [0x201e, 0x84], // „
  [0x2026, 0x85], // …
  [0x2020, 0x86], // †
  [0x2021, 0x87], // ‡
  [0x2030, 0x89], // ‰
  [0x2039, 0x8b], // ‹
  [0x2018, 0x91], // ‘
  [0x2019, 0x92], // ’
  [0x201c, 0x93], // “
  [0x201d, 0x94], // ”
  [0x2022, 0x95], // •
  [0x2013, 0x96], // –
  [0x2014, 0x97], // —
  [0x2122, 0x99], // ™
  [0x203a, 0x9b], // ›
];

const hex = (code, width) => code.toString(16).padStart(width, '0');
const STAND_IN_OF = new Map(STAND_INS.map(([character, standIn]) => [character, standIn]));
const CHARACTERS = STAND_INS.map(([character]) => hex(character, 4)).join('|');
// A character as it is, or written as an escape (\u2019, \u{2019}), in a string, template or pattern.
const NAMED = new RegExp(`[${STAND_INS.map(([character]) => `\\u${hex(character, 4)}`).join('')}]|\\\\u(${CHARACTERS})|\\\\u\\{0*(${CHARACTERS})\\}`, 'gi');
// A C1 code named by the source itself would be taken for the stand-in of a character.
const C1_NAMED = /[\u0080-\u009f]|\\x[89][0-9a-f]|\\u00[89][0-9a-f]|\\u\{0*[89][0-9a-f]\}/i;
// Character properties a character and its stand-in both lack (neither is a letter, a mark or a
// digit); any other (\p{P}, \p{Pd}, \p{Cc}, \p{Dash}...) tells them apart.
const SAFE_PROPERTY = /^(?:L[ultmo]?|M[nce]?|N[dlo]?|(?:Script|sc|Script_Extensions|scx)=\w+)$/;
const PROPERTY = /\\{1,2}[pP]\{([\w=]+)\}/g;
// A class range ("a-z", "\u2010-\u2015"), its ends written as in a pattern or in a string that makes one.
const END = String.raw`\\{1,2}u\{[0-9a-fA-F]+\}|\\{1,2}u[0-9a-fA-F]{4}|\\{1,2}x[0-9a-fA-F]{2}|\\{1,2}0|[^\\\n[\]-]`;
const RANGE = new RegExp(`(${END})-(${END})`, 'g');
// Calls that read a character otherwise than the patterns do (NFKD makes "™" "TM"); allowed on a
// line that swaps the characters back first.
const READS_CHARACTERS = /\b(?:localeCompare|fromCharCode|fromCodePoint|encodeURI(?:Component)?)\b|\bIntl\.|\.normalize\(/;

const codeOf = (end) => {
  const escape = /^\\{1,2}(?:u\{([0-9a-fA-F]+)\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|(0))$/.exec(end);
  return escape ? parseInt(escape[1] ?? escape[2] ?? escape[3] ?? '0', 16) : end.codePointAt(0);
};

/**
 * Why a module of the importer cannot be written with stand-ins, or undefined: it names a C1 code,
 * or asks something of a character its stand-in answers otherwise (a property, a range that holds
 * one of the two and not the other, NFKD, collation).
 */
function standInProblem(source) {
  const c1 = C1_NAMED.exec(source);
  if (c1) return `names the C1 code ${JSON.stringify(c1[0])}, which stands in for a typographic character in the importer; write the character instead`;
  for (const [written, name] of source.matchAll(PROPERTY)) {
    if (!SAFE_PROPERTY.test(name)) return `uses ${written.replace(/^\\+/, '\\')}, which a typographic character and its stand-in do not answer alike`;
  }
  for (const [written, from, to] of source.matchAll(RANGE)) {
    const [low, high] = [codeOf(from), codeOf(to)];
    if (low > high) continue;
    const holds = (code) => code >= low && code <= high;
    if (STAND_INS.some(([character, standIn]) => holds(character) !== holds(standIn) || character === low || character === high)) {
      return `has the range ${written}, which holds a typographic character or its stand-in and not the other`;
    }
  }
  const line = source.split('\n').find((text) => READS_CHARACTERS.test(text) && !text.includes('swapStandIns('));
  if (line) return `reads characters otherwise than its patterns do ("${line.trim()}"); swap the stand-ins back first (swapStandIns)`;
  return undefined;
}

/** The table src/import/stand-in-table.ts holds in the bundle: each character followed by its stand-in. */
const standInTable = () => STAND_INS.map(([character, standIn]) => String.fromCharCode(character, standIn)).join('');

/**
 * A module's source with each character it names written as its stand-in: an escape valid in
 * strings and patterns alike (\x92), or in JSON (\u0092), for the data the importer loads.
 */
function withStandIns(source, file, json = false) {
  const problem = json ? (C1_NAMED.test(source) ? 'holds a C1 code, which stands in for a typographic character in the importer' : undefined) : standInProblem(source);
  if (problem) throw new Error(`${file} ${problem} (scripts/stand-ins.js, src/import/stand-ins.ts)`);
  return source.replace(NAMED, (match, escaped, braced) => {
    const character = escaped ?? braced ? parseInt(escaped ?? braced, 16) : match.charCodeAt(0);
    return `${json ? '\\u00' : '\\x'}${hex(STAND_IN_OF.get(character), 2)}`;
  });
}

/**
 * The esbuild plugin: the table for src/import/stand-in-table.ts, and the importer's modules (the
 * files of src/import/ that import-document.ts reaches, and the JSON tables they load; `modules`,
 * absolute paths) with stand-ins; and `checkAllWritten(bundled)`, after a build, which fails if one
 * of them that the build bundled was not among the files it wrote so: its patterns would not find
 * the stand-ins in the text.
 */
function standInsPlugin(modules) {
  // What the last build that used the plugin wrote with stand-ins.
  let written = new Set();
  const plugin = {
    name: 'appeal-stand-ins',
    setup(build) {
      written = new Set();
      build.onLoad({ filter: /[\\/]src[\\/]import[\\/]stand-in-table\.ts$/ }, () => ({ contents: `export const STAND_INS = ${JSON.stringify(standInTable())};`, loader: 'js' }));
      build.onLoad({ filter: /\.(?:ts|json)$/ }, (args) => {
        if (!modules.has(args.path)) return undefined;
        written.add(args.path);
        const json = args.path.endsWith('.json');
        return { contents: withStandIns(readFileSync(args.path, 'utf8'), args.path, json), loader: json ? 'json' : 'ts' };
      });
    },
  };
  /** `bundled`: the files the last build bundled (absolute paths), save those another plugin wrote. */
  const checkAllWritten = (bundled) => {
    const expected = [...modules].filter((path) => bundled.has(path));
    if (!expected.length) throw new Error("the build bundled none of the importer's modules that scripts/stand-ins.js knows: their paths are not the build's");
    const missed = expected.filter((path) => !written.has(path));
    if (missed.length) throw new Error(`the importer's modules ${missed.join(', ')} were bundled without stand-ins (scripts/stand-ins.js)`);
  };
  return { plugin, checkAllWritten };
}

module.exports = { STAND_INS, standInTable, withStandIns, standInsPlugin };
