// Reads PDFs with pdf.js, the reader Firefox uses, and prints what a test checks as JSON: each
// page's size, its text items with positions, the fonts with their embedded names, and any
// warning pdf.js gave while reading. Run by read-pdf.ts in a child process, since pdf.js is ESM.
//   node pdf-reader.mjs FILE...
import { readFileSync } from 'node:fs';

const warnings = [];
// pdf.js reports problems through console.log ("Warning: ..."); keep them for the test to check.
console.log = (...args) => warnings.push(args.join(' '));
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');

const results = [];
for (const file of process.argv.slice(2)) {
  warnings.length = 0;
  const data = new Uint8Array(readFileSync(file));
  const doc = await pdfjs.getDocument({ data, verbosity: pdfjs.VerbosityLevel.WARNINGS, disableFontFace: true, useSystemFonts: false, isEvalSupported: false }).promise;
  const { info } = await doc.getMetadata();
  const pages = [];
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    const [x0, y0, x1, y1] = page.view;
    const content = await page.getTextContent();
    const operators = await page.getOperatorList();
    // Each glyph drawn, in drawing order, with its font, the text it stands for (the font's
    // ToUnicode map) and its advance: what a test checks glyph by glyph.
    const glyphs = [];
    let font = null;
    operators.fnArray.forEach((fn, index) => {
      const args = operators.argsArray[index];
      if (fn === pdfjs.OPS.setFont) font = args[0];
      else if (fn === pdfjs.OPS.showText) {
        for (const glyph of args[0]) if (glyph && typeof glyph === 'object') glyphs.push({ font, unicode: glyph.unicode, width: glyph.width });
      }
    });
    const fonts = {};
    for (const name of Object.keys(content.styles)) {
      const font = page.commonObjs.has(name) ? page.commonObjs.get(name) : undefined;
      fonts[name] = { name: font?.name ?? null, missingFile: font?.missingFile ?? null, type: font?.type ?? null };
    }
    pages.push({
      width: x1 - x0,
      height: y1 - y0,
      items: content.items.filter((item) => 'str' in item && item.str.trim()).map((item) => ({
        text: item.str,
        x: item.transform[4],
        y: item.transform[5],
        size: Math.hypot(item.transform[2], item.transform[3]),
        width: item.width,
        font: item.fontName,
      })),
      fonts,
      glyphs,
    });
  }
  results.push({ file, info, pages, warnings: [...warnings] });
  await doc.destroy();
}
process.stdout.write(JSON.stringify(results));
