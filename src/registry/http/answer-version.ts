import type { RegistryStore } from '../store/registry-store.ts';

/** A store whose committed writes are counted, and the version of the data they make. */
export interface VersionedStore {
  /** The store to write through: each `write` that commits moves the version. */
  store: RegistryStore;
  /**
   * The data's version: the store's change sequence (moved by every committed write, also by
   * another process on the same database, and with the change feed off, which only hides
   * GetAendringer) and this process's count of committed writes (moved even by a write that
   * recorded no change). Answers kept for one version are never served at another.
   */
  version(): string;
}

/** Counts the writes that commit through the returned store; a write that throws (a rolled-back dry run) counts nothing. */
export function versionStore(store: RegistryStore): VersionedStore {
  let commits = 0;
  const counted: RegistryStore = {
    ...store,
    write(work) {
      const result = store.write(work);
      commits++;
      return result;
    },
  };
  return { store: counted, version: () => `${store.changeSequence()}.${commits}` };
}
