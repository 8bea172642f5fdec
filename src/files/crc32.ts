import { crc32 as zlibCrc32 } from 'node:zlib';

/**
 * The CRC-32 of some bytes: how appeal's caches tell a damaged file from a whole one (never what
 * decides whether a cache is current: that is always a comparison of the bytes themselves). zlib's
 * (Node 20.15 and later) is native: over a command's caches, quicker than loading zlib and far
 * quicker than a loop in JavaScript, which a command's first milliseconds run uncompiled.
 */
export function crc32(bytes: Uint8Array | string): number {
  return zlibCrc32(bytes);
}
