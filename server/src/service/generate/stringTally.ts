// Counts occurrences of strings into a Map<string, number> (in order of first occurrence, at most `limit`
// keys), for keys that repeat on almost every record (the caller's principal). The keys counted last sit in a
// few slots chosen by their length and a few characters: a repeat costs one string comparison instead of
// hashing the record's fresh string for a get and a set. Counts wait in the slots until `flush()`.

const SLOTS = 64;

/** One of 64 slots for a string, from its length and three characters (the ends of ARNs differ most). */
export function slotOf(key: string): number {
  const n = key.length;
  // a one-character key reads past its start: NaN, which `&` turns into slot 0
  return (n * 7 + key.charCodeAt(n - 1) + key.charCodeAt(n - 2) * 3 + key.charCodeAt(n >> 1) * 5) & (SLOTS - 1);
}

export class StringTally {
  private readonly keys: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);
  private readonly pending: number[] = new Array<number>(SLOTS).fill(0);

  constructor(
    /** the counts; read it after `flush()` */
    readonly map: Map<string, number>,
    private readonly limit: number,
  ) {}

  count(key: string): void {
    if (key.length === 0) return;
    const slot = slotOf(key);
    if (this.keys[slot] === key) {
      this.pending[slot]!++;
      return;
    }
    this.flushSlot(slot);
    const map = this.map;
    if (map.size < this.limit || map.has(key)) {
      map.set(key, (map.get(key) ?? 0) + 1);
      this.keys[slot] = key;
    }
  }

  /** Adds the waiting counts to the map. */
  flush(): void {
    for (let slot = 0; slot < SLOTS; slot++) this.flushSlot(slot);
  }

  private flushSlot(slot: number): void {
    const key = this.keys[slot];
    const pending = this.pending[slot]!;
    if (key !== undefined && pending > 0) this.map.set(key, this.map.get(key)! + pending);
    this.pending[slot] = 0;
  }
}
