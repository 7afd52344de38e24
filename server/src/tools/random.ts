// The seeded random numbers of the fuzz tool and the bench: one seed gives the same sequence on every machine.

export type Rand = () => number;

/** mulberry32: tiny, fast, good enough for test generation, and identical on every machine. */
export function mulberry32(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
