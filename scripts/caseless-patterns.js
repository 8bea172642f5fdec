// Rewrites import's case-insensitive patterns (flags "iu") into patterns without the i flag that
// match exactly the same, for the bundle (scripts/bundle-cli.js; see src/import/case-patterns.ts).
// V8 compiles an /iu pattern by closing every letter and every \p{L} class over case with ICU, at
// each compile, in every process: half of the cost of import's patterns, the larger part of its
// time. Written out once here, each letter becomes the class of the letters it matches ("d" gives
// [dD], "k" gives [kK\u{212a}]), found by asking V8 itself, letter by letter, which characters the
// /iu pattern matches; \p{L} gives [\p{L}] and the few characters that match it only under i, \w
// likewise (with ſ and the Kelvin sign), and \b and \B look at those same word characters;
// \p{Lu} and \p{Ll}, which i widens to every letter with a case, become the ranges of those. A
// pattern holding anything else that i changes (other \p{...}, back-references, named groups) is
// left as it is.
'use strict';

const MAX_CODE_POINT = 0x10ffff;
const SURROGATES = [0xd800, 0xdfff];

/** A code point written so that it means itself alone, in a class or outside, under the u flag: a letter or digit as it is. */
const escaped = (codePoint) => (/^[\p{L}\p{N}]$/u.test(String.fromCodePoint(codePoint)) ? String.fromCodePoint(codePoint) : `\\u{${codePoint.toString(16)}}`);
const characters = function* () {
  for (let codePoint = 0; codePoint <= MAX_CODE_POINT; codePoint++) {
    if (codePoint < SURROGATES[0] || codePoint > SURROGATES[1]) yield codePoint;
  }
};

/** One part of a pattern's source: a literal character, something i leaves alone, or a class. */
function tokens(source, inClass = false) {
  const out = [];
  for (let at = 0; at < source.length; ) {
    const rest = source.slice(at);
    let match;
    if ((match = /^\\(?:u\{([0-9a-fA-F]+)\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2}))/.exec(rest))) {
      out.push({ kind: 'char', codePoint: parseInt(match[1] ?? match[2] ?? match[3], 16), text: match[0] });
    } else if ((match = /^\\p\{L\}/.exec(rest))) {
      out.push({ kind: 'letters', text: match[0] });
    } else if ((match = /^\\p\{(Lu|Ll)\}/.exec(rest))) {
      out.push({ kind: 'cased', name: match[1], text: match[0] });
    } else if ((match = inClass ? /^\\w/.exec(rest) : /^\\[bBwW]/.exec(rest))) {
      out.push({ kind: { '\\b': 'boundary', '\\B': 'inside', '\\w': 'word', '\\W': 'nonword' }[match[0]], text: match[0] });
    } else if ((match = /^\\(?:[bBwWkpP1-9])/.exec(rest))) {
      return undefined;
    } else if ((match = /^\\(?:c[A-Za-z]|[dDsSnrtfv0]|[\^$\\.*+?()[\]{}|/-])/.exec(rest))) {
      out.push({ kind: 'plain', text: match[0] });
    } else if (rest[0] === '\\') {
      return undefined;
    } else if (rest.startsWith('(?<') && !/^\(\?<[=!]/.test(rest)) {
      return undefined;
    } else if ((match = /^\((?:\?(?:[:=!]|<[=!]))?|^[)|^$.*+?]|^\{\d+(?:,\d*)?\}/.exec(rest))) {
      out.push({ kind: 'plain', text: match[0] });
    } else if (rest[0] === '[') {
      const end = classEnd(source, at);
      if (end < 0) return undefined;
      const members = tokens(source.slice(at + 1 + (source[at + 1] === '^' ? 1 : 0), end), true);
      if (!members) return undefined;
      out.push({ kind: 'class', negated: source[at + 1] === '^', members, text: source.slice(at, end + 1) });
      at = end + 1;
      continue;
    } else {
      const codePoint = rest.codePointAt(0);
      if (codePoint >= SURROGATES[0] && codePoint <= SURROGATES[1]) return undefined;
      match = [String.fromCodePoint(codePoint)];
      out.push({ kind: 'char', codePoint, text: match[0] });
    }
    at += match[0].length;
  }
  return out;
}

/** Where the class that opens at `start` closes (u-mode classes do not nest). */
function classEnd(source, start) {
  for (let at = start + 1 + (source[start + 1] === '^' ? 1 : 0); at < source.length; at++) {
    if (source[at] === '\\') at++;
    else if (source[at] === ']') return at;
  }
  return -1;
}

/** Code points of the literal characters in tokens, classes' members and ranges' ends included. */
function literalCodePoints(parts, into = new Set()) {
  for (const part of parts) {
    if (part.kind === 'char') into.add(part.codePoint);
    if (part.kind === 'class') literalCodePoints(part.members, into);
  }
  return into;
}

/**
 * For each code point, the characters an /iu pattern matches for it: as a character of its own
 * ("atom") and as a member of a class, asked of V8 over every character there is.
 */
function caseClasses(codePoints) {
  const list = [...codePoints];
  const classes = new Map(list.map((codePoint) => [codePoint, { atom: [], member: [] }]));
  if (!list.length) return classes;
  const anyOf = new RegExp(`^[${list.map(escaped).join('')}]$`, 'iu');
  const tests = list.map((codePoint) => ({ codePoint, atom: new RegExp(`^${escaped(codePoint)}$`, 'iu'), member: new RegExp(`^[${escaped(codePoint)}]$`, 'iu') }));
  for (const codePoint of characters()) {
    const text = String.fromCodePoint(codePoint);
    if (!anyOf.test(text)) continue;
    for (const test of tests) {
      if (test.atom.test(text)) classes.get(test.codePoint).atom.push(codePoint);
      if (test.member.test(text)) classes.get(test.codePoint).member.push(codePoint);
    }
  }
  return classes;
}

/**
 * What a class matches under i and not without it: for \p{L}, U+0345 (which folds to a Greek
 * iota); for \w, and so for \b, ſ and the Kelvin sign (which fold to s and k).
 */
function onlyUnderI(characterClass) {
  const withI = new RegExp(`^${characterClass}$`, 'iu');
  const without = new RegExp(`^${characterClass}$`, 'u');
  const extra = [];
  for (const codePoint of characters()) {
    const text = String.fromCodePoint(codePoint);
    if (withI.test(text) && !without.test(text)) extra.push(codePoint);
  }
  return extra;
}

function rewrite(parts, classes, extras, inClass) {
  const letters = `\\p{L}${extras.letters.map(escaped).join('')}`;
  const word = `\\w${extras.word.map(escaped).join('')}`;
  let out = '';
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index];
    if (part.kind === 'plain') out += part.text;
    else if (part.kind === 'letters') out += inClass ? letters : `[${letters}]`;
    else if (part.kind === 'cased') out += inClass ? casedLetters(part.name) : `[${casedLetters(part.name)}]`;
    else if (part.kind === 'word') out += inClass ? word : `[${word}]`;
    else if (part.kind === 'nonword') out += `[^${word}]`;
    else if (part.kind === 'boundary') out += `(?:(?<=[${word}])(?![${word}])|(?<![${word}])(?=[${word}]))`;
    else if (part.kind === 'inside') out += `(?:(?<=[${word}])(?=[${word}])|(?<![${word}])(?![${word}]))`;
    else if (part.kind === 'class') {
      const members = rewrite(part.members, classes, extras, true);
      if (members === undefined) return undefined;
      out += `[${part.negated ? '^' : ''}${members}]`;
    } else if (inClass && parts[index + 1]?.text === '-' && parts[index + 2]?.kind === 'char') {
      // A range: kept as it is when i changes nothing it matches, else given up on.
      const range = `[${part.text}-${parts[index + 2].text}]`;
      if (!sameWithoutI(range)) return undefined;
      out += `${part.text}-${parts[index + 2].text}`;
      index += 2;
    } else {
      const same = classes.get(part.codePoint)[inClass ? 'member' : 'atom'];
      if (same.length === 1 && same[0] === part.codePoint) out += part.text;
      else out += inClass ? same.map(escaped).join('') : `[${same.map(escaped).join('')}]`;
    }
  }
  return out;
}

/**
 * What \\p{Lu} or \\p{Ll} matches under i, written out as ranges of code points: every letter that
 * has a case (and a few others that fold with one), not the upper or the lower alone. Written out
 * as ranges, so that V8 neither asks ICU for the property nor closes it over case at each compile
 * (the five import patterns that hold one took 2.8 ms to compile, 1.1 ms written out). Like the
 * letters' classes, it is the Unicode of the Node that builds appeal.
 */
const casedSets = new Map();
function casedLetters(name) {
  if (casedSets.has(name)) return casedSets.get(name);
  const atom = new RegExp(`^\\p{${name}}$`, 'iu');
  const member = new RegExp(`^[\\p{${name}}]$`, 'iu');
  const ranges = [];
  for (const codePoint of characters()) {
    const text = String.fromCodePoint(codePoint);
    const matches = atom.test(text);
    if (matches !== member.test(text)) throw new Error(`\\p{${name}} matches U+${codePoint.toString(16)} otherwise alone than in a class under i`);
    if (!matches) continue;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === codePoint - 1) last[1] = codePoint;
    else ranges.push([codePoint, codePoint]);
  }
  const written = ranges.map(([low, high]) => (low === high ? escaped(low) : `${escaped(low)}-${escaped(high)}`)).join('');
  casedSets.set(name, written);
  return written;
}

/** Whether a class matches the same characters with and without i. */
function sameWithoutI(characterClass) {
  const withI = new RegExp(`^${characterClass}$`, 'iu');
  const without = new RegExp(`^${characterClass}$`, 'u');
  for (const codePoint of characters()) {
    const text = String.fromCodePoint(codePoint);
    if (withI.test(text) !== without.test(text)) return false;
  }
  return true;
}

/**
 * Each source that can be written without i, with what it becomes: { [source]: caseless }. Sources
 * that cannot are left out (the program then compiles them with i, as written).
 */
function caselessSources(sources) {
  const parsed = sources.map((source) => ({ source, parts: tokens(source) })).filter(({ parts }) => parts !== undefined);
  const codePoints = new Set();
  for (const { parts } of parsed) literalCodePoints(parts, codePoints);
  const classes = caseClasses(codePoints);
  const extras = { letters: onlyUnderI('\\p{L}'), word: onlyUnderI('\\w') };
  const table = {};
  for (const { source, parts } of parsed) {
    const caseless = rewrite(parts, classes, extras, false);
    if (caseless !== undefined) table[source] = caseless;
  }
  return table;
}

module.exports = { caselessSources };
