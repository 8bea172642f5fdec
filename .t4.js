const Module = require('module');
const orig = Module._load;
let depth = 0; const out=[];
Module._load = function (request) {
  const t = performance.now(); depth++;
  try { return orig.apply(this, arguments); } finally { depth--; const d = performance.now() - t; if (d > 1.5) out.push('  '.repeat(depth) + request + ' ' + d.toFixed(1)); }
};
require('pdfkit');
console.log(out.reverse().join('\n'));
