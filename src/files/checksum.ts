/*
 * The checksum appeal's caches tell a damaged file from a whole one by (never what decides whether
 * a cache is current: that is always a comparison of the bytes themselves): 64-bit FNV-1a over the
 * bytes as little-endian 8-byte words, the last one padded with zeros, then over their length.
 *
 * It runs as this WebAssembly function, which V8 compiles to machine code at once. The same loop
 * in JavaScript runs uncompiled in a command's first milliseconds, 2 ms over a command's caches;
 * zlib's native CRC-32 costs the loading of zlib and the streams library under it, 1.5 ms. In the
 * text format (scripts have none to assemble it: the bytes below are it, and the tests hold them
 * to the same sum worked out in JavaScript):
 *
 * (module
 *   (import "m" "memory" (memory 1))
 *   (func (export "fnv") (param $end i32) (param $length i64) (result i64) (local $p i32) (local $h i64)
 *     (local.set $h (i64.const 0xcbf29ce484222325))
 *     (block (loop
 *       (br_if 1 (i32.ge_u (local.get $p) (local.get $end)))
 *       (local.set $h (i64.mul (i64.xor (local.get $h) (i64.load (local.get $p))) (i64.const 0x100000001b3)))
 *       (local.set $p (i32.add (local.get $p) (i32.const 8)))
 *       (br 0)))
 *     (i64.mul (i64.xor (local.get $h) (local.get $length)) (i64.const 0x100000001b3))))
 */
const FNV_MODULE = Uint8Array.from([0,97,115,109,1,0,0,0,1,7,1,96,2,127,126,1,126,2,13,1,1,109,6,109,101,109,111,114,121,2,0,1,3,2,1,0,7,7,1,3,102,110,118,0,0,10,73,1,71,2,1,127,1,126,66,165,198,136,161,200,156,167,249,75,33,3,2,64,3,64,32,2,32,0,79,13,1,32,3,32,2,41,3,0,133,66,179,131,128,128,128,32,126,33,3,32,2,65,8,106,33,2,12,0,11,11,32,3,32,1,133,66,179,131,128,128,128,32,126,11]);
const PAGE = 65536;

/** The part of WebAssembly used here (TypeScript's Node types leave WebAssembly out). */
interface WasmMemory {
  buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface Wasm {
  Memory: new (descriptor: { initial: number }) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}
const wasm = (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly;

let memory: WasmMemory | undefined;
let fnv: ((end: number, length: bigint) => bigint) | undefined;

/** The checksum of some bytes (a string as its UTF-8), as 16 hexadecimal digits. */
export function checksum(input: Uint8Array | string): string {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const padded = Math.ceil(bytes.length / 8) * 8;
  if (!memory || !fnv) {
    memory = new wasm.Memory({ initial: Math.max(1, Math.ceil(padded / PAGE)) });
    const instance = new wasm.Instance(new wasm.Module(FNV_MODULE), { m: { memory } });
    fnv = instance.exports.fnv as (end: number, length: bigint) => bigint;
  } else if (memory.buffer.byteLength < padded) {
    memory.grow(Math.ceil((padded - memory.buffer.byteLength) / PAGE));
  }
  const view = new Uint8Array(memory.buffer, 0, padded);
  view.set(bytes);
  view.fill(0, bytes.length);
  return BigInt.asUintN(64, fnv(padded, BigInt(bytes.length))).toString(16).padStart(16, '0');
}
