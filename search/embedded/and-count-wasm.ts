/**
 * AND + popcount of two bitsets in WebAssembly: 64-bit words and the CPU's popcount instruction
 * (i64.popcnt), about 8× the JavaScript loop over 32-bit words here (51 dense facet values against a
 * 100k-document hit set: ~60 µs instead of ~530 µs). The module is one function, written out below
 * in the text format and assembled by hand into `BYTES`; nothing is generated at run time.
 *
 *   (module
 *     (import "m" "memory" (memory 1))
 *     (func (export "andCount") (param $a i32) (param $b i32) (param $words i32) (result i32)
 *       (local $end i32) (local $sum i64)
 *       (local.set $end (i32.add (local.get $a) (i32.shl (local.get $words) (i32.const 3))))
 *       (block $done
 *         (loop $next
 *           (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
 *           (local.set $sum (i64.add (local.get $sum)
 *             (i64.popcnt (i64.and (i64.load (local.get $a)) (i64.load (local.get $b))))))
 *           (local.set $a (i32.add (local.get $a) (i32.const 8)))
 *           (local.set $b (i32.add (local.get $b) (i32.const 8)))
 *           (br $next)))
 *       (i32.wrap_i64 (local.get $sum))))
 *
 * $a and $b are byte offsets into the memory, $words the number of 64-bit words.
 */

const BODY = [
	[0x02, 0x01, 0x7f, 0x01, 0x7e], // locals: 1 × i32 ($end), 1 × i64 ($sum)
	[0x20, 0x00, 0x20, 0x02, 0x41, 0x03, 0x74, 0x6a, 0x21, 0x03], // $end = $a + ($words << 3)
	[0x02, 0x40, 0x03, 0x40], // block, loop
	[0x20, 0x00, 0x20, 0x03, 0x4f, 0x0d, 0x01], // br_if $done ($a >= $end, unsigned)
	[0x20, 0x04, 0x20, 0x00, 0x29, 0x03, 0x00, 0x20, 0x01, 0x29, 0x03, 0x00], // $sum, load $a, load $b
	[0x83, 0x7b, 0x7c, 0x21, 0x04], // i64.and, i64.popcnt, i64.add, local.set $sum
	[0x20, 0x00, 0x41, 0x08, 0x6a, 0x21, 0x00], // $a += 8
	[0x20, 0x01, 0x41, 0x08, 0x6a, 0x21, 0x01], // $b += 8
	[0x0c, 0x00, 0x0b, 0x0b], // br $next, end loop, end block
	[0x20, 0x04, 0xa7, 0x0b] // i32.wrap_i64 $sum, end
].flat();

const name = (text: string) => [text.length, ...Array.from(text, (c) => c.charCodeAt(0))];
const section = (id: number, content: number[]) => [id, content.length, ...content];

const BYTES = new Uint8Array([
	...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], // "\0asm", version 1
	...section(1, [0x01, 0x60, 0x03, 0x7f, 0x7f, 0x7f, 0x01, 0x7f]), // type 0: (i32 i32 i32) -> i32
	...section(2, [0x01, ...name('m'), ...name('memory'), 0x02, 0x00, 0x01]), // import memory, min 1 page
	...section(3, [0x01, 0x00]), // function 0 has type 0
	...section(7, [0x01, ...name('andCount'), 0x00, 0x00]), // export function 0
	...section(10, [0x01, BODY.length, ...BODY]) // its code
]);

let compiled: WebAssembly.Module | null | undefined;

/** The compiled module, or null where WebAssembly is unavailable (e.g. node --jitless). */
function wasmModule(): WebAssembly.Module | null {
	if (compiled === undefined) {
		try {
			compiled = new WebAssembly.Module(BYTES);
		} catch {
			compiled = null;
		}
	}
	return compiled;
}

export function hasWasm(): boolean {
	return wasmModule() !== null;
}

export interface WasmBitsets {
	/** The memory's 32-bit words: bitset i starts at word i × stride. */
	heap: Uint32Array;
	/** 32-bit words per bitset slot: the bitset's words rounded up to whole 64-bit words. */
	stride: number;
	/** Set bits of (slot a AND slot b). */
	andCount(a: number, b: number): number;
}

/** A memory of `slots` zeroed bitsets of `words` 32-bit words each, or null without WebAssembly. */
export function wasmBitsets(slots: number, words: number): WasmBitsets | null {
	const module = wasmModule();
	if (module === null) return null;
	const stride = (words + 1) & ~1;
	const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil((slots * stride * 4) / 65536)) });
	const exports = new WebAssembly.Instance(module, { m: { memory } }).exports as {
		andCount: (a: number, b: number, words: number) => number;
	};
	const bytes = stride * 4;
	const long = stride >>> 1;
	return {
		heap: new Uint32Array(memory.buffer),
		stride,
		andCount: (a, b) => exports.andCount(a * bytes, b * bytes, long)
	};
}
