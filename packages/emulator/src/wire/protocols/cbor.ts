import { utf8Encode } from '../bytes.ts';
import { JSON_LIMITS, SerializationException } from './json-protocol.ts';

// CBOR (RFC 8949) as the Smithy RPC v2 CBOR protocol uses it
// (https://smithy.io/2.0/additional-specs/protocols/smithy-rpc-v2.html#shape-serialization): maps with text
// keys, arrays, text, byte strings, integers, floats (half, single, double), booleans, null, and tag 1
// (epoch seconds) for timestamps. Definite and indefinite lengths are read; definite ones are written.
// Decoded timestamps are epoch seconds, the JSON protocols' data model, so one input decoder serves both.

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const BREAK = Symbol('break');

class Reader {
  private offset = 0;
  private values = 0;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  done(): boolean {
    return this.offset === this.bytes.length;
  }

  private take(n: number): number {
    if (n > this.bytes.length - this.offset) throw new SerializationException('the CBOR body ends in the middle of a value');
    const at = this.offset;
    this.offset += n;
    return at;
  }

  private argument(info: number): number {
    if (info < 24) return info;
    if (info === 24) return this.view.getUint8(this.take(1));
    if (info === 25) return this.view.getUint16(this.take(2));
    if (info === 26) return this.view.getUint32(this.take(4));
    if (info === 27) {
      const value = this.view.getBigUint64(this.take(8));
      if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new SerializationException('a CBOR integer or length is larger than 2^53');
      return Number(value);
    }
    throw new SerializationException(`the CBOR additional information ${info} is reserved`);
  }

  private chunks(major: number, info: number, depth: number): Uint8Array {
    if (info !== 31) return this.bytes.slice(this.take(this.argument(info)), this.offset);
    const parts: Uint8Array[] = [];
    for (;;) {
      const part = this.value(depth);
      if (part === BREAK) break;
      if (major === 3 ? typeof part !== 'string' : !(part instanceof Uint8Array)) throw new SerializationException('an indefinite CBOR string mixes chunk types');
      parts.push(typeof part === 'string' ? utf8Encode(part) : (part as Uint8Array));
    }
    const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      joined.set(p, at);
      at += p.length;
    }
    return joined;
  }

  private items(info: number, each: () => void): void {
    if (info === 31) {
      while (this.bytes[this.offset] !== 0xff) {
        if (this.done()) throw new SerializationException('an indefinite CBOR array or map has no end');
        each();
      }
      this.take(1);
      return;
    }
    const count = this.argument(info);
    // Each item takes at least a byte: a count beyond the bytes left is a lie, refused before any allocation.
    if (count > this.bytes.length - this.offset) throw new SerializationException('a CBOR array or map is longer than the body');
    for (let i = 0; i < count; i++) each();
  }

  value(depth: number): unknown {
    if (++this.values > JSON_LIMITS.maxValues) throw new SerializationException(`the document has more than ${JSON_LIMITS.maxValues} values`);
    const initial = this.view.getUint8(this.take(1));
    const major = initial >> 5;
    const info = initial & 0x1f;
    if ((major === 4 || major === 5) && depth >= JSON_LIMITS.maxDepth) throw new SerializationException(`the document is nested deeper than ${JSON_LIMITS.maxDepth} levels`);
    switch (major) {
      case 0:
        return this.argument(info);
      case 1:
        return -1 - this.argument(info);
      case 2:
        return this.chunks(2, info, depth);
      case 3:
        try {
          return UTF8.decode(this.chunks(3, info, depth));
        } catch (error) {
          if (error instanceof SerializationException) throw error;
          throw new SerializationException('a CBOR text string is not UTF-8');
        }
      case 4: {
        const list: unknown[] = [];
        this.items(info, () => list.push(this.item(depth + 1)));
        return list;
      }
      case 5: {
        const entries: [string, unknown][] = [];
        this.items(info, () => {
          const key = this.item(depth + 1);
          if (typeof key !== 'string') throw new SerializationException('CBOR map keys must be text');
          entries.push([key, this.item(depth + 1)]);
        });
        // Object.fromEntries defines own properties: a key named `__proto__` stays data.
        return Object.fromEntries(entries);
      }
      case 6: {
        const tag = this.argument(info);
        const inner = this.item(depth);
        // Tag 1 is the only one Smithy RPC v2 CBOR sends: a timestamp in epoch seconds.
        if (tag !== 1 || typeof inner !== 'number') throw new SerializationException(`the CBOR tag ${tag} is not a timestamp (tag 1 with a number)`);
        return inner;
      }
      default:
        return this.simple(info);
    }
  }

  private item(depth: number): unknown {
    const value = this.value(depth);
    if (value === BREAK) throw new SerializationException('a CBOR break where a value belongs');
    return value;
  }

  private simple(info: number): unknown {
    if (info === 20) return false;
    if (info === 21) return true;
    if (info === 22 || info === 23) return null;
    if (info === 25) return halfFloat(this.view.getUint16(this.take(2)));
    if (info === 26) return this.view.getFloat32(this.take(4));
    if (info === 27) return this.view.getFloat64(this.take(8));
    if (info === 31) return BREAK;
    throw new SerializationException(`the CBOR simple value ${info} is not one Smithy uses`);
  }
}

function halfFloat(bits: number): number {
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  const sign = bits & 0x8000 ? -1 : 1;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 31) return fraction === 0 ? sign * Infinity : NaN;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

/** The one CBOR data item of a body; throws `SerializationException` for anything malformed or over the limits. */
export function decodeCbor(bytes: Uint8Array): unknown {
  const reader = new Reader(bytes);
  const value = reader.value(0);
  if (value === BREAK) throw new SerializationException('a CBOR break where a value belongs');
  if (!reader.done()) throw new SerializationException('the CBOR body has bytes after its value');
  return value;
}

class Writer {
  private chunks: number[] = [];

  head(major: number, n: number): void {
    if (n < 24) this.chunks.push((major << 5) | n);
    else if (n < 0x100) this.chunks.push((major << 5) | 24, n);
    else if (n < 0x10000) this.chunks.push((major << 5) | 25, n >> 8, n & 0xff);
    else if (n < 0x100000000) this.chunks.push((major << 5) | 26, (n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
    else {
      const high = Math.floor(n / 0x100000000);
      this.chunks.push((major << 5) | 27, 0, (high >> 16) & 0xff, (high >> 8) & 0xff, high & 0xff, (n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
    }
  }

  float(value: number): void {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setFloat64(0, value);
    this.chunks.push(0xfb, ...bytes);
  }

  write(value: unknown): void {
    if (value === null || value === undefined) this.chunks.push(0xf6);
    else if (value === true) this.chunks.push(0xf5);
    else if (value === false) this.chunks.push(0xf4);
    else if (value instanceof Date) {
      this.chunks.push(0xc1);
      this.write(value.getTime() / 1000);
    } else if (typeof value === 'number') {
      if (Number.isSafeInteger(value)) this.head(value < 0 ? 1 : 0, value < 0 ? -1 - value : value);
      else this.float(value);
    } else if (typeof value === 'string') {
      const bytes = utf8Encode(value);
      this.head(3, bytes.length);
      for (const b of bytes) this.chunks.push(b);
    } else if (value instanceof Uint8Array) {
      this.head(2, value.length);
      for (const b of value) this.chunks.push(b);
    } else if (Array.isArray(value)) {
      this.head(4, value.length);
      for (const item of value) this.write(item);
    } else if (typeof value === 'object') {
      // Members left undefined are left out, as JSON.stringify leaves them out.
      const entries = Object.entries(value).filter(([, field]) => field !== undefined);
      this.head(5, entries.length);
      for (const [name, field] of entries) {
        this.write(name);
        this.write(field);
      }
    } else throw new Error(`a ${typeof value} cannot be written as CBOR`);
  }

  bytes(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}

/** A value as CBOR: dates as tag 1 epoch seconds, whole numbers as integers, others as doubles. */
export function encodeCbor(value: unknown): Uint8Array {
  const writer = new Writer();
  writer.write(value);
  return writer.bytes();
}
