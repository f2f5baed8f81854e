import { isMap, type Pair } from 'yaml';
import type { SoaEntry } from './workspace';
import { sharedEnds } from './yaml/entry-diff';
import { child, entryKey, entryOf, type Entry } from './yaml/nav';
import type { ParsedFile } from './yaml/parse';
import { editBetween } from './yaml/reparse';

/** The SoA's mappings of controls, in the order the index lists them; a control in the second is `additional`. */
const LISTS = ['controls', 'additionalControls'] as const;

type Make = (id: string, entry: Entry, additional: boolean) => SoaEntry;

/**
 * An SoA's controls by id, as `buildIndex` lists them (in file order, a
 * repeated id at its first place with its last entry), each made when first
 * asked for. After an edit that changed no control's id, the new version
 * shares the old one's places (which control is which entry) and makes
 * nothing: a keystroke in a 7,000-control SoA costs the entries it touched,
 * where rebuilding the map cost ~2 ms and copied every moved key.
 */
export class ControlMap implements ReadonlyMap<string, SoaEntry> {
  private readonly made = new Map<string, SoaEntry>();

  private constructor(
    readonly file: ParsedFile,
    /** The items of each of `LISTS` (none where there is no mapping). */
    private readonly lists: readonly (readonly Pair[])[],
    /** Per id, its entry: `list * 2^32 + index`, as a number. */
    private readonly places: ReadonlyMap<string, number>,
    private readonly make: Make,
  ) {}

  /** The controls of `file`; `previous`, the map of an earlier version of the same file, is updated rather than rebuilt. */
  static of(file: ParsedFile, make: Make, previous?: ReadonlyMap<string, SoaEntry>): ControlMap {
    const lists = LISTS.map((k) => {
      const m = child(file.root, k);
      return isMap(m) ? m.items : [];
    });
    const old = previous instanceof ControlMap && previous.file.path === file.path ? previous : undefined;
    const places = old?.sameIds(file, lists) ? old.places : placesOf(lists);
    return new ControlMap(file, lists, places, make);
  }

  /** Whether every entry of `file`'s lists has the id this version has at the same place. */
  private sameIds(file: ParsedFile, lists: readonly (readonly Pair[])[]): boolean {
    const edit = editBetween(this.file, file);
    return lists.every((now, k) => {
      const was = this.lists[k];
      if (was.length !== now.length) return false;
      const { head, tail } = sharedEnds(was, now, edit);
      for (let i = head; i < now.length - tail; i++) if (entryKey(was[i]) !== entryKey(now[i])) return false;
      return true;
    });
  }

  get size(): number {
    return this.places.size;
  }

  has(id: string): boolean {
    return this.places.has(id);
  }

  get(id: string): SoaEntry | undefined {
    let e = this.made.get(id);
    if (e) return e;
    const at = this.places.get(id);
    if (at === undefined) return undefined;
    const list = Math.floor(at / SPAN);
    e = this.make(id, entryOf(this.lists[list][at % SPAN])!, list === 1);
    this.made.set(id, e);
    return e;
  }

  *entries(): MapIterator<[string, SoaEntry]> {
    for (const id of this.places.keys()) yield [id, this.get(id)!];
  }

  *keys(): MapIterator<string> {
    yield* this.places.keys();
  }

  *values(): MapIterator<SoaEntry> {
    for (const id of this.places.keys()) yield this.get(id)!;
  }

  [Symbol.iterator](): MapIterator<[string, SoaEntry]> {
    return this.entries();
  }

  forEach(fn: (value: SoaEntry, key: string, map: ReadonlyMap<string, SoaEntry>) => void, thisArg?: unknown): void {
    for (const [id, e] of this.entries()) fn.call(thisArg, e, id, this);
  }
}

const SPAN = 2 ** 32;

function placesOf(lists: readonly (readonly Pair[])[]): Map<string, number> {
  const out = new Map<string, number>();
  lists.forEach((items, list) => {
    for (let i = 0; i < items.length; i++) {
      const id = entryKey(items[i]);
      if (id !== undefined) out.set(id, list * SPAN + i);
    }
  });
  return out;
}
