/**
 * A value made on first use instead of at import. For zod schemas (and plain objects of them):
 * building a schema costs real time, and a process pays at start-up for every schema of every
 * module it imports, most of which a given run never parses with. The stand-in forwards every
 * read (properties, `in`, keys, prototype) to the value, which is built once on the first one.
 */
export function lazy<T extends object>(make: () => T): T {
  let value: T | undefined;
  const real = (): T => (value ??= make());
  return new Proxy({} as T, {
    get: (_target, key) => Reflect.get(real(), key),
    set: (_target, key, next) => Reflect.set(real(), key, next),
    has: (_target, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      // A proxy may not report a property as non-configurable unless its own target has it so.
      return descriptor && { ...descriptor, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}
