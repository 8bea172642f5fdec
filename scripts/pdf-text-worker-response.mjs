// Injected by scripts/bundle-pdf-text-worker.js in place of the global Response in pdf.js's code.
// pdf.js looks at Response.prototype.bytes as it loads, to add the method where Node lacks it, and
// on Node 20 the first look at the global Response loads Node's whole fetch implementation
// (undici), a sixth of pdf.js's start. Reading text never makes a Response, so this stands in for
// it: it has bytes(), and only when pdf.js does make one (saving an edited document, a WebAssembly
// decoder fetched from a URL) is the real class loaded and used.
const real = () => globalThis.Response;

export class Response {
  constructor(body, init) {
    const response = new (real())(body, init);
    if (typeof response.bytes !== 'function') response.bytes = async () => new Uint8Array(await response.arrayBuffer());
    return response;
  }

  static [Symbol.hasInstance](value) {
    return value instanceof real();
  }

  async bytes() {
    return new Uint8Array(await this.arrayBuffer());
  }
}
