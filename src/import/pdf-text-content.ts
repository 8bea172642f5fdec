import { isStream, type PdfFile, type PdfStream } from './pdf-file';
import { loadTextFont, type TextFont } from './pdf-fonts';
import type { TextPiece } from './pdf-page-lines';
import { isDict, PdfLexer, PdfName, PdfOperator, PdfString, PdfUnsupported, type PdfDict, type PdfValue } from './pdf-syntax';

/**
 * A page's text as the pieces pdf.js's getTextContent gives (src/core/evaluator.js, for
 * horizontal text): the same state machine, the same thresholds for a space and a line end, so
 * that the lines made from them (pdf-page-lines.ts) are the lines pdf.js's pieces make.
 */

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

const multiply = (m1: readonly number[], m2: readonly number[]): Matrix => [
  m1[0]! * m2[0]! + m1[2]! * m2[1]!,
  m1[1]! * m2[0]! + m1[3]! * m2[1]!,
  m1[0]! * m2[2]! + m1[2]! * m2[3]!,
  m1[1]! * m2[2]! + m1[3]! * m2[3]!,
  m1[0]! * m2[4]! + m1[2]! * m2[5]! + m1[4]!,
  m1[1]! * m2[4]! + m1[3]! * m2[5]! + m1[5]!,
];

class TextState {
  ctm: readonly number[] = IDENTITY;
  font: TextFont | null = null;
  fontName: string | null = null;
  fontSize = 0;
  charSpacing = 0;
  wordSpacing = 0;
  leading = 0;
  textHScale = 1;
  textRise = 0;

  constructor(
    public textMatrix: number[] = [...IDENTITY],
    public textLineMatrix: number[] = [...IDENTITY],
  ) {}

  translateTextMatrix(x: number, y: number): void {
    const m = this.textMatrix;
    m[4] = m[0]! * x + m[2]! * y + m[4]!;
    m[5] = m[1]! * x + m[3]! * y + m[5]!;
  }

  translateTextLineMatrix(x: number, y: number): void {
    const m = this.textLineMatrix;
    m[4] = m[0]! * x + m[2]! * y + m[4]!;
    m[5] = m[1]! * x + m[3]! * y + m[5]!;
  }

  carriageReturn(): void {
    this.translateTextLineMatrix(0, -this.leading);
    this.textMatrix = [...this.textLineMatrix];
  }

  /** A copy for q (pdf.js's clone): field by field, as every line of some documents saves the state. */
  clone(): TextState {
    const copy = new TextState(this.textMatrix.slice(), this.textLineMatrix.slice());
    copy.ctm = this.ctm;
    copy.font = this.font;
    copy.fontName = this.fontName;
    copy.fontSize = this.fontSize;
    copy.charSpacing = this.charSpacing;
    copy.wordSpacing = this.wordSpacing;
    copy.leading = this.leading;
    copy.textHScale = this.textHScale;
    copy.textRise = this.textRise;
    return copy;
  }
}

const TRACKING_SPACE_FACTOR = 0.102;
const NOT_A_SPACE_FACTOR = 0.03;
const NEGATIVE_SPACE_FACTOR = -0.2;
const SPACE_IN_FLOW_MIN_FACTOR = 0.102;
const SPACE_IN_FLOW_MAX_FACTOR = 0.6;
const VERTICAL_SHIFT_RATIO = 0.25;

/** pdf.js's test of a glyph's text: white space, a combining mark, an invisible format mark. */
const SPECIAL_CHARACTER = /^(\s)|(\p{Mn})|(\p{Cf})$/u;
/** The characters pdf.js's normalizeUnicode changes (compatibility forms: ligatures, NBSP, µ...). */
const NORMALIZED = /([\u00a0\u00b5\u037e\u0eb3\u2000-\u200a\u202f\u2126\ufb00-\ufb04\ufb06\ufb20-\ufb36\ufb38-\ufb3c\ufb3e\ufb40-\ufb41\ufb43-\ufb44\ufb46-\ufba1\ufba4-\ufba9\ufbae-\ufbb1\ufbd3-\ufbdc\ufbde-\ufbe7\ufbea-\ufbf8\ufbfc-\ufbfd\ufc00-\ufc5d\ufc64-\ufcf1\ufcf5-\ufd3d\ufd88\ufdf4\ufdfa-\ufdfb\ufe71\ufe77\ufe79\ufe7b\ufe7d]+)|(\ufb05+)/gu;
/** Right-to-left text is reordered by pdf.js's bidi algorithm: such a document goes to pdf.js. */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u;

interface Category {
  isWhitespace: boolean;
  isZeroWidthDiacritic: boolean;
  isInvisibleFormatMark: boolean;
}
const categories = new Map<string, Category>();
function categoryOf(unicode: string): Category {
  let category = categories.get(unicode);
  if (!category) {
    const groups = SPECIAL_CHARACTER.exec(unicode);
    category = { isWhitespace: Boolean(groups?.[1]), isZeroWidthDiacritic: Boolean(groups?.[2]), isInvisibleFormatMark: Boolean(groups?.[3]) };
    categories.set(unicode, category);
  }
  return category;
}

/** A document past the bounds on its text or its drawing (forms drawing forms build work without end). */
export class ContentTooLarge extends Error {}

interface Shared {
  file: PdfFile;
  items: TextPiece[];
  viewBox: readonly number[];
  /** The document's fonts as read, by their dictionary: a font is read once, whatever uses it. */
  fonts: Map<PdfDict, TextFont>;
  budget: { operations: number; textLength: number };
}

const MAX_FORM_DEPTH = 12;

/** How many operands the operators read here take (pdf.js's table, for these). */
const ARITY: Record<string, number> = { cm: 6, Tf: 2, Ts: 1, Tz: 1, TL: 1, Td: 2, TD: 2, Tm: 6, Tc: 1, Tw: 1, TJ: 1, Tj: 1, "'": 1, '"': 3, Do: 1, gs: 1 };
/** More operands than any operator takes; a stream of numbers alone keeps only the last. */
const MAX_OPERANDS = 64;

/** The pieces of text of one page: its content streams read with its resources. */
export function pageTextPieces(file: PdfFile, page: { contents: Uint8Array; resources: PdfDict; viewBox: readonly number[] }, budget: Shared['budget'], fonts: Shared['fonts']): TextPiece[] {
  const shared: Shared = { file, items: [], viewBox: page.viewBox, fonts, budget };
  readContent(shared, page.contents, page.resources, new TextState(), [], 0);
  return shared.items;
}

function readContent(shared: Shared, content: Uint8Array, resources: PdfDict, initialState: TextState, formsDrawing: PdfStream[], depth: number): void {
  const { file, items, viewBox } = shared;
  const stack: TextState[] = [];
  let textState = initialState;
  let currentTextState: TextState | null = null;

  const item = {
    initialized: false,
    str: [] as string[],
    totalWidth: 0,
    totalHeight: 0,
    width: 0,
    height: 0,
    prevTransform: null as Matrix | null,
    prevTextRise: 0,
    textAdvanceScale: 0,
    spaceInFlowMin: 0,
    spaceInFlowMax: 0,
    trackingSpaceMin: Infinity,
    negativeSpaceMax: -Infinity,
    notASpace: -Infinity,
    transform: null as Matrix | null,
    fontName: null as string | null,
    hasEOL: false,
  };
  // In a run of glyphs each one where the last left the pen, prevTransform changes in e and f only:
  // those are kept here, and the matrix made when something reads it (see prevTransform()).
  let prevPending = false;
  let prevE = 0;
  let prevF = 0;
  const prevTransform = (): Matrix | null => {
    if (prevPending) {
      const base = item.prevTransform!;
      item.prevTransform = [base[0], base[1], base[2], base[3], prevE, prevF];
      prevPending = false;
    }
    return item.prevTransform;
  };
  const twoLastChars = [' ', ' '];
  let twoLastCharsPos = 0;
  const shouldAddWhitespace = () => twoLastChars[twoLastCharsPos] !== ' ' && twoLastChars[(twoLastCharsPos + 1) % 2] === ' ';
  const resetLastChars = () => {
    twoLastChars[0] = twoLastChars[1] = ' ';
    twoLastCharsPos = 0;
  };
  const pushItem = (piece: TextPiece) => {
    shared.budget.textLength -= piece.str.length;
    if (shared.budget.textLength < 0) throw new ContentTooLarge('text');
    items.push(piece);
  };
  const pushWhitespace = (transform = prevTransform()) => pushItem({ str: ' ', hasEOL: false, transform: transform ?? [...IDENTITY], height: 0 });

  // ctm × textMatrix × [size × scale, 0, 0, size, 0, rise], as pdf.js multiplies it (zero terms
  // and all, so that every figure is the same to the last bit), without the intermediate arrays.
  const currentTextTransform = (): Matrix => {
    const t = textState.textMatrix;
    const c = textState.ctm;
    const sx = textState.fontSize * textState.textHScale;
    const sy = textState.fontSize;
    const rise = textState.textRise;
    const a = t[0]! * sx + t[2]! * 0;
    const b = t[1]! * sx + t[3]! * 0;
    const cc = t[0]! * 0 + t[2]! * sy;
    const d = t[1]! * 0 + t[3]! * sy;
    const e = t[0]! * 0 + t[2]! * rise + t[4]!;
    const f = t[1]! * 0 + t[3]! * rise + t[5]!;
    return [c[0]! * a + c[2]! * b, c[1]! * a + c[3]! * b, c[0]! * cc + c[2]! * d, c[1]! * cc + c[3]! * d, c[0]! * e + c[2]! * f + c[4]!, c[1]! * e + c[3]! * f + c[5]!];
  };

  const ensureItem = () => {
    if (item.initialized) return item;
    item.fontName = textState.fontName;
    const trm = (item.transform = currentTextTransform());
    item.width = item.totalWidth = 0;
    item.height = item.totalHeight = Math.hypot(trm[2], trm[3]);
    const scaleLineX = Math.hypot(textState.textLineMatrix[0]!, textState.textLineMatrix[1]!);
    const scaleCtmX = Math.hypot(textState.ctm[0]!, textState.ctm[1]!);
    item.textAdvanceScale = scaleCtmX * scaleLineX;
    const { fontSize } = textState;
    item.trackingSpaceMin = fontSize * TRACKING_SPACE_FACTOR;
    item.notASpace = fontSize * NOT_A_SPACE_FACTOR;
    item.negativeSpaceMax = fontSize * NEGATIVE_SPACE_FACTOR;
    item.spaceInFlowMin = fontSize * SPACE_IN_FLOW_MIN_FACTOR;
    item.spaceInFlowMax = fontSize * SPACE_IN_FLOW_MAX_FACTOR;
    item.hasEOL = false;
    item.initialized = true;
    return item;
  };

  const updateAdvanceScale = () => {
    if (!item.initialized) return;
    const scaleLineX = Math.hypot(textState.textLineMatrix[0]!, textState.textLineMatrix[1]!);
    const scaleCtmX = Math.hypot(textState.ctm[0]!, textState.ctm[1]!);
    const scaleFactor = scaleCtmX * scaleLineX;
    if (scaleFactor === item.textAdvanceScale) return;
    item.totalWidth += item.width * item.textAdvanceScale;
    item.width = 0;
    item.textAdvanceScale = scaleFactor;
  };

  const flushItem = () => {
    if (!item.initialized || !item.str) return;
    item.totalWidth += item.width * item.textAdvanceScale;
    const text = item.str.join('');
    if (RIGHT_TO_LEFT.test(text)) throw new PdfUnsupported('right-to-left text');
    pushItem({
      str: text.replace(NORMALIZED, (_, compatible: string | undefined) => (compatible ? compatible.normalize('NFKC') : 'ſt')),
      hasEOL: item.hasEOL,
      transform: item.transform!,
      height: Math.abs(item.totalHeight),
    });
    item.initialized = false;
    item.str.length = 0;
  };

  const appendEOL = () => {
    resetLastChars();
    if (item.initialized) {
      item.hasEOL = true;
      flushItem();
    } else pushItem({ str: '', hasEOL: true, transform: currentTextTransform(), height: 0 });
  };

  const addFakeSpaces = (width: number, transform: Matrix | null, textOrientation: number): boolean => {
    if (textOrientation * item.spaceInFlowMin <= width && width <= textOrientation * item.spaceInFlowMax) {
      if (item.initialized) {
        resetLastChars();
        item.str.push(' ');
      }
      return false;
    }
    flushItem();
    resetLastChars();
    pushWhitespace(transform ?? currentTextTransform());
    return true;
  };

  const compareWithLastPosition = (glyphWidth: number): boolean => {
    const currentTransform = currentTextTransform();
    let posX = currentTransform[4];
    let posY = currentTransform[5];
    if (posX + glyphWidth < viewBox[0]! || posX > viewBox[2]! || posY < viewBox[1]! || posY > viewBox[3]!) return false;
    const lastTransform = prevTransform();
    if (!textState.font || !lastTransform) return true;
    let lastPosX = lastTransform[4];
    let lastPosY = lastTransform[5];
    if (lastPosX === posX && lastPosY === posY) return true;
    let rotate = -1;
    if (currentTransform[0] && currentTransform[1] === 0 && currentTransform[2] === 0) rotate = currentTransform[0] > 0 ? 0 : 180;
    else if (currentTransform[1] && currentTransform[0] === 0 && currentTransform[3] === 0) rotate = currentTransform[1] > 0 ? 90 : 270;
    switch (rotate) {
      case 0:
        break;
      case 90:
        [posX, posY] = [posY, posX];
        [lastPosX, lastPosY] = [lastPosY, lastPosX];
        break;
      case 180:
        [posX, posY, lastPosX, lastPosY] = [-posX, -posY, -lastPosX, -lastPosY];
        break;
      case 270:
        [posX, posY] = [-posY, -posX];
        [lastPosX, lastPosY] = [-lastPosY, -lastPosX];
        break;
      default: {
        const inverse = (x: number, y: number, matrix: readonly number[]): [number, number] => {
          const scale = Math.hypot(matrix[0]!, matrix[1]!);
          return [(matrix[0]! * x + matrix[1]! * y) / scale, (matrix[2]! * x + matrix[3]! * y) / scale];
        };
        [posX, posY] = inverse(posX, posY, currentTransform);
        [lastPosX, lastPosY] = inverse(lastPosX, lastPosY, lastTransform);
      }
    }
    const advanceX = (posX - lastPosX) / item.textAdvanceScale;
    const advanceY = posY - lastPosY;
    const textOrientation = Math.sign(item.width || item.totalWidth);
    if (advanceX < textOrientation * item.negativeSpaceMax) {
      if (Math.abs(advanceY) > 0.5 * item.height) {
        appendEOL();
        return true;
      }
      resetLastChars();
      flushItem();
      return true;
    }
    const textRiseDelta = textState.textRise - item.prevTextRise;
    const advanceYCorrected = textRiseDelta === 0 ? advanceY : advanceY - (currentTransform[3] / textState.fontSize) * textRiseDelta;
    if (Math.abs(advanceYCorrected) > item.height) {
      appendEOL();
      return true;
    }
    if (advanceX <= textOrientation * item.notASpace) resetLastChars();
    if (advanceX <= textOrientation * item.trackingSpaceMin) {
      if (shouldAddWhitespace()) {
        resetLastChars();
        flushItem();
        pushWhitespace();
      } else item.width += advanceX;
    } else if (!addFakeSpaces(advanceX, prevTransform(), textOrientation)) {
      if (item.str.length === 0) {
        resetLastChars();
        pushWhitespace();
      } else item.width += advanceX;
    }
    if (Math.abs(advanceY) > item.height * VERTICAL_SHIFT_RATIO) flushItem();
    return true;
  };

  const showText = (chars: string, extraSpacing: number) => {
    if (!textState.font) throw new PdfUnsupported('text shown without a font');
    if (currentTextState !== textState && (currentTextState!.fontSize !== textState.fontSize || (currentTextState!.fontName !== textState.fontName && currentTextState!.font?.name !== textState.font.name))) {
      flushItem();
      currentTextState = textState.clone();
    }
    const font = textState.font;
    const baseCharSpacing = textState.charSpacing;
    if (!chars) {
      const charSpacing = baseCharSpacing + extraSpacing;
      if (charSpacing) textState.translateTextMatrix(charSpacing * textState.textHScale, 0);
      return;
    }
    const glyphs = font.glyphs(chars);
    const scale = 0.001 * textState.fontSize;
    const hScale = textState.textHScale;
    const wordSpacing = textState.wordSpacing;
    const rise = textState.textRise;
    // This loop runs for every glyph of the document, on code that has just been loaded: what does
    // not change while one string is shown is read once, and the text matrix is moved along its
    // line as translateTextMatrix(x, 0) moves it, the same figures to the bit.
    // Read by index, not destructured: in code not yet compiled, [a, b] = array walks the array
    // with an iterator and makes an object per element. The terms that do not change along the
    // string (m2 × 0, and e's and f's first two) are worked out once, in the same order, so every
    // figure is still the same to the bit; each operation on fractions in such code makes an object.
    const m = textState.textMatrix;
    const m0 = m[0]!;
    const m1 = m[1]!;
    const m2 = m[2]!;
    const m3 = m[3]!;
    const m2z = m2 * 0;
    const m3z = m3 * 0;
    const moveBy = (x: number) => {
      m[4] = m0 * x + m2z + m[4]!;
      m[5] = m1 * x + m3z + m[5]!;
    };
    const riseE = m0 * 0 + m2 * rise;
    const riseF = m1 * 0 + m3 * rise;
    const ctm = textState.ctm;
    const c0 = ctm[0]!;
    const c1 = ctm[1]!;
    const c2 = ctm[2]!;
    const c3 = ctm[3]!;
    const c4 = ctm[4]!;
    const c5 = ctm[5]!;
    const left = viewBox[0]!;
    const bottom = viewBox[1]!;
    const right = viewBox[2]!;
    const top = viewBox[3]!;
    // Whether the pen is where the last glyph left it and prevTransform (pending in prevE, prevF)
    // says so: after a glyph that moved it and no spacing after. Then pdf.js's comparison with the
    // last position finds them equal, and the next glyph's transform differs in e and f only.
    let contiguous = false;
    const last = glyphs.length - 1;
    for (let index = 0; index <= last; index++) {
      const glyph = glyphs[index]!;
      const category = (glyph.category ??= categoryOf(glyph.unicode));
      if (category.isInvisibleFormatMark) continue;
      let charSpacing = baseCharSpacing + (index === last ? extraSpacing : 0);
      let scaledDim = glyph.width * scale;
      if (glyph.code === 0x20) charSpacing += wordSpacing;
      if (category.isWhitespace) {
        moveBy((charSpacing + scaledDim) * hScale);
        // pdf.js's saveLastChar(' ').
        twoLastChars[twoLastCharsPos] = ' ';
        twoLastCharsPos ^= 1;
        contiguous = false;
        continue;
      }
      if (!category.isZeroWidthDiacritic) {
        const visible = contiguous ? !(prevE + scaledDim < left || prevE > right || prevF < bottom || prevF > top) : compareWithLastPosition(scaledDim);
        if (!visible) {
          moveBy(scaledDim * hScale);
          contiguous = false;
          continue;
        }
      }
      const chunk = item.initialized ? item : ensureItem();
      if (category.isZeroWidthDiacritic) scaledDim = 0;
      scaledDim *= hScale;
      moveBy(scaledDim);
      chunk.width += scaledDim;
      if (scaledDim) {
        if (contiguous) {
          // currentTextTransform()'s e and f, as it computes them.
          const e = riseE + m[4]!;
          const f = riseF + m[5]!;
          prevE = c0 * e + c2 * f + c4;
          prevF = c1 * e + c3 * f + c5;
          prevPending = true;
        } else {
          const transform = currentTextTransform();
          chunk.prevTransform = transform;
          prevPending = false;
          prevE = transform[4];
          prevF = transform[5];
        }
        chunk.prevTextRise = rise;
      }
      // pdf.js's saveLastChar(glyph.unicode): a space before it when the one before was a space after text.
      const unicode = glyph.unicode;
      const other = twoLastCharsPos ^ 1;
      if (twoLastChars[twoLastCharsPos] !== ' ' && twoLastChars[other] === ' ') chunk.str.push(' ');
      twoLastChars[twoLastCharsPos] = unicode;
      twoLastCharsPos = other;
      chunk.str.push(unicode);
      if (charSpacing) moveBy(charSpacing * hScale);
      contiguous = scaledDim !== 0 && charSpacing === 0;
    }
  };

  const lexer = new PdfLexer(content);
  const operands: (PdfValue | PdfOperator)[] = [];
  const number = (at: number): number => {
    const value = operands[at];
    if (typeof value !== 'number') throw new PdfUnsupported('an operator without its numbers');
    return value;
  };
  const xObjects = file.get(resources.get('XObject'));
  const fontResources = file.get(resources.get('Font'));

  for (;;) {
    let token: PdfValue | PdfOperator | undefined;
    try {
      token = lexer.read();
    } catch (error) {
      if (error instanceof PdfUnsupported) throw error;
      throw new PdfUnsupported('damaged content');
    }
    if (token === undefined) break;
    if (!(token instanceof PdfOperator)) {
      // Numbers without an operator pile up in a damaged or hostile stream: the last are enough.
      if (operands.length === MAX_OPERANDS) operands.shift();
      operands.push(token);
      continue;
    }
    // Extra operands before an operator are dropped from the front, as pdf.js drops them: Td
    // after "999 0 -30" moves by (0, -30).
    const arity = ARITY[token.name];
    if (arity !== undefined && operands.length > arity) operands.splice(0, operands.length - arity);
    if (--shared.budget.operations < 0) throw new ContentTooLarge('operations');
    currentTextState ??= textState.clone();
    switch (token.name) {
      case 'q':
        stack.push(textState);
        textState = textState.clone();
        break;
      case 'Q': {
        const previous = stack.pop();
        if (previous) textState = previous;
        break;
      }
      case 'cm':
        textState.ctm = multiply(textState.ctm, [number(0), number(1), number(2), number(3), number(4), number(5)]);
        break;
      case 'Tf': {
        const name = operands[0];
        const size = number(1);
        if (!(name instanceof PdfName)) throw new PdfUnsupported('Tf without a font name');
        if (textState.font && name.name === textState.fontName && size === textState.fontSize) break;
        textState.fontName = name.name;
        textState.fontSize = size;
        const fontDict = isDict(fontResources) ? file.get(fontResources.get(name.name)) : null;
        if (!isDict(fontDict)) throw new PdfUnsupported(`the font ${name.name} is not in the page's resources`);
        let font = shared.fonts.get(fontDict);
        if (!font) {
          font = loadTextFont(file, fontDict);
          shared.fonts.set(fontDict, font);
        }
        textState.font = font;
        break;
      }
      case 'Ts':
        textState.textRise = number(0);
        break;
      case 'Tz':
        textState.textHScale = number(0) / 100;
        break;
      case 'TL':
        textState.leading = number(0);
        break;
      case 'Td':
        textState.translateTextLineMatrix(number(0), number(1));
        textState.textMatrix = [...textState.textLineMatrix];
        break;
      case 'TD':
        textState.leading = -number(1);
        textState.translateTextLineMatrix(number(0), number(1));
        textState.textMatrix = [...textState.textLineMatrix];
        break;
      case 'T*':
        textState.carriageReturn();
        break;
      case 'Tm': {
        const matrix = [number(0), number(1), number(2), number(3), number(4), number(5)];
        textState.textMatrix = [...matrix];
        textState.textLineMatrix = [...matrix];
        updateAdvanceScale();
        break;
      }
      case 'Tc':
        textState.charSpacing = number(0);
        break;
      case 'Tw':
        textState.wordSpacing = number(0);
        break;
      case 'BT':
        textState.textMatrix = [...IDENTITY];
        textState.textLineMatrix = [...IDENTITY];
        break;
      case 'TJ': {
        const elements = operands[0];
        if (!Array.isArray(elements)) throw new PdfUnsupported('TJ without an array');
        if (!textState.font) throw new PdfUnsupported('text shown without a font');
        const spaceFactor = -textState.fontSize / 1000;
        let buffer = '';
        for (let at = 0; at < elements.length; at++) {
          const element = elements[at];
          if (element instanceof PdfString) buffer += element.bytes;
          else if (typeof element === 'number' && element !== 0) {
            showText(buffer, element * spaceFactor);
            buffer = '';
          }
        }
        if (buffer) showText(buffer, 0);
        break;
      }
      case 'Tj':
        showText(stringOperand(operands[0]), 0);
        break;
      case "'":
        textState.carriageReturn();
        showText(stringOperand(operands[0]), 0);
        break;
      case '"':
        textState.wordSpacing = number(0);
        textState.charSpacing = number(1);
        textState.carriageReturn();
        showText(stringOperand(operands[2]), 0);
        break;
      case 'Do': {
        flushItem();
        const name = operands[0];
        if (!(name instanceof PdfName)) throw new PdfUnsupported('Do without a name');
        const xObject = isDict(xObjects) ? file.get(xObjects.get(name.name)) : null;
        if (!isStream(xObject)) break;
        const subtype = file.lookup(xObject.dict, 'Subtype');
        if (!(subtype instanceof PdfName) || subtype.name !== 'Form') break;
        if (formsDrawing.includes(xObject) || depth >= MAX_FORM_DEPTH) throw new PdfUnsupported('forms drawing each other');
        const formState = textState.clone();
        const matrix = file.lookup(xObject.dict, 'Matrix');
        if (Array.isArray(matrix) && matrix.length === 6 && matrix.every((each) => typeof each === 'number')) formState.ctm = multiply(formState.ctm, matrix as number[]);
        const formResources = file.lookup(xObject.dict, 'Resources');
        // A form is read again wherever it is drawn: each time counts (see PdfFile.spend).
        const formContent = file.streamData(xObject);
        file.spend(formContent.length);
        readContent(shared, formContent, isDict(formResources) ? formResources : resources, formState, [...formsDrawing, xObject], depth + 1);
        break;
      }
      case 'gs': {
        const name = operands[0];
        const states = file.get(resources.get('ExtGState'));
        const state = isDict(states) && name instanceof PdfName ? file.get(states.get(name.name)) : null;
        if (isDict(state) && state.has('Font')) throw new PdfUnsupported('a font set by a graphics state');
        break;
      }
      case 'BI':
        skipInlineImage(lexer);
        break;
      case 'BMC':
      case 'BDC':
      case 'EMC':
        flushItem();
        break;
      default:
        break;
    }
    operands.length = 0;
  }
  flushItem();
}

const stringOperand = (value: PdfValue | PdfOperator | undefined): string => {
  if (!(value instanceof PdfString)) throw new PdfUnsupported('text that is not a string');
  return value.bytes;
};

/** An inline image's data is bytes, not syntax: it runs from "ID" to an "EI" between spaces. */
function skipInlineImage(lexer: PdfLexer): void {
  const { bytes } = lexer;
  for (let token = lexer.read(); token !== undefined; token = lexer.read()) {
    if (token instanceof PdfOperator && token.name === 'ID') break;
  }
  let at = lexer.position + 1;
  for (; at + 1 < bytes.length; at++) {
    if (bytes[at] === 0x45 && bytes[at + 1] === 0x49 && (at === 0 || [0x20, 0x0a, 0x0d, 0x09].includes(bytes[at - 1]!)) && (at + 2 >= bytes.length || [0x20, 0x0a, 0x0d, 0x09].includes(bytes[at + 2]!))) break;
  }
  if (at + 1 >= bytes.length) throw new PdfUnsupported('an inline image without its end');
  lexer.position = at + 2;
}

