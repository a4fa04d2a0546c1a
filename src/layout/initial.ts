// Starting positions for the force layout: seeded by each node's key, so the same graph always
// starts (and, run for the same time, settles) the same way, and a new node does not move the others.

/** FNV-1a hash of a string, as an unsigned 32-bit integer. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mulberry32: a small, well-spread pseudo-random generator from a 32-bit seed. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A point in the disc of radius `radius`, chosen by the key alone. */
export function seededPosition(key: string, radius = 100): { x: number; y: number } {
  const random = mulberry32(hash(key));
  const angle = random() * 2 * Math.PI;
  const r = radius * Math.sqrt(random());
  return { x: r * Math.cos(angle), y: r * Math.sin(angle) };
}
