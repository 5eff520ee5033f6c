/**
 * A stand-in for an object that exists only later (a server a `beforeAll` starts): every property
 * read goes to `resolve()`, methods bound to the real object. It lets a test file name its servers
 * once at the top, as `const { registry } = useTestStack()`, instead of `let` plus assignments.
 * A Proxy, because the stand-in must serve whatever the object's type has, helpers included.
 */
export function lateBound<T extends object>(resolve: () => T): T {
  const read = (key: string | symbol): unknown => {
    const target = resolve();
    const value: unknown = Reflect.get(target, key, target);
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
  };
  // The proxy's own target stays empty: every trap answers from the real object.
  const stand: Partial<T> = {};
  return new Proxy(stand, {
    get: (_stand, key) => read(key),
    has: (_stand, key) => Reflect.has(resolve(), key),
    ownKeys: () => Reflect.ownKeys(resolve()),
    getOwnPropertyDescriptor: (_stand, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(resolve(), key);
      // A proxy may not report a property its empty target lacks as non-configurable.
      return descriptor === undefined ? undefined : { ...descriptor, configurable: true };
    },
  }) as T;
}
