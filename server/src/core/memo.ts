/** A bounded memo: cleared when full, so keys that never repeat cannot make it grow without limit. */
export function memo<T>(max = 5000): (key: string, make: () => T) => T {
  const map = new Map<string, T>();
  return (key, make) => {
    let v = map.get(key);
    if (v === undefined) {
      if (map.size >= max) map.clear();
      map.set(key, (v = make()));
    }
    return v;
  };
}
