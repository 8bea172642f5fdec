/**
 * The caches' checksum (src/files/checksum.ts) is WebAssembly assembled by hand: held here to the
 * same sum worked out in JavaScript, for bytes of every length and content, and to telling apart
 * any two inputs that differ in one byte or in length.
 */
import fc from 'fast-check';
import { checksum } from '../../src/files/checksum';

const OFFSET = 0xcbf29ce484222325n;
const PRIME = 0x100000001b3n;

/** 64-bit FNV-1a over little-endian 8-byte words (the last padded with zeros), then over the length. */
function reference(bytes: Uint8Array): string {
  const padded = Buffer.alloc(Math.ceil(bytes.length / 8) * 8);
  padded.set(bytes);
  let sum = OFFSET;
  for (let i = 0; i < padded.length; i += 8) sum = BigInt.asUintN(64, (sum ^ padded.readBigUInt64LE(i)) * PRIME);
  return BigInt.asUintN(64, (sum ^ BigInt(bytes.length)) * PRIME).toString(16).padStart(16, '0');
}

test('gives the sum worked out in JavaScript, for any bytes, one call after another', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => checksum(bytes) === reference(bytes)), { numRuns: 2000 });
});

test('gives it for a large file too (the memory grows), and for text as its UTF-8', () => {
  const large = Buffer.alloc(3 * 65536 + 5, 0xa7);
  expect(checksum(large)).toBe(reference(large));
  expect(checksum('Søn ’quotes’')).toBe(reference(Buffer.from('Søn ’quotes’', 'utf8')));
  expect(checksum(Buffer.alloc(0))).toBe(reference(Buffer.alloc(0)));
});

test('any one byte changed, and any zeros added at the end, give another sum', () => {
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), fc.nat(), fc.integer({ min: 1, max: 255 }), (bytes, at, flip) => {
      const changed = Buffer.from(bytes);
      changed[at % bytes.length]! ^= flip;
      return checksum(changed) !== checksum(bytes) && checksum(Buffer.concat([bytes, Buffer.alloc(1)])) !== checksum(bytes);
    }),
    { numRuns: 2000 },
  );
});
