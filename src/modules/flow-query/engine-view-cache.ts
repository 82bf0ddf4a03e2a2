import type { DataSource } from 'typeorm';
import type { InventorySnapshot } from '../../engine/core/inventory-snapshot';
import { buildEngineView, type EngineView } from './engine-view';
import { loadInventorySnapshot } from './load-inventory-snapshot';

/**
 * Keeps the data map of the latest inventory revision in memory, with whatever is derived from it
 * (the engine's indexes). Each use costs one cheap query for the revision, or none when the caller
 * read it already, so that any number of stateless API instances see a change as soon as it commits.
 */
export class InventoryCache<Derived> {
  private current: { revision: bigint; value: Promise<Derived> } | null = null;

  constructor(private readonly derive: (snapshot: InventorySnapshot) => Derived) {}

  async get(dataSource: DataSource): Promise<Derived> {
    const [{ revision }] = (await dataSource.query('SELECT revision::text AS revision FROM inventory_revision')) as { revision: string }[];
    return this.at(dataSource, BigInt(revision));
  }

  /**
   * The map as of `revision` or a later one. The map read may be newer than the revision it is
   * kept under, never older: a caller that read a later revision reads the map again.
   */
  at(dataSource: DataSource, revision: bigint): Promise<Derived> {
    if (this.current === null || this.current.revision < revision) {
      const value = dataSource.transaction('REPEATABLE READ', async (manager) => this.derive(await loadInventorySnapshot(manager)));
      const entry = { revision, value };
      this.current = entry;
      value.catch(() => {
        if (this.current === entry) this.current = null;
      });
    }
    return this.current.value;
  }
}

/**
 * Caches by database driver, not by data source: each request sees its own wrapper of the data
 * source (with its deadline), and all of them must share one cache.
 */
const caches = new WeakMap<DataSource['driver'], InventoryCache<EngineView>>();

function engineViewCache(dataSource: DataSource): InventoryCache<EngineView> {
  let cache = caches.get(dataSource.driver);
  if (!cache) {
    cache = new InventoryCache(buildEngineView);
    caches.set(dataSource.driver, cache);
  }
  return cache;
}

/** The engine view of the current inventory revision, shared by every request of this process. */
export function engineView(dataSource: DataSource): Promise<EngineView> {
  return engineViewCache(dataSource).get(dataSource);
}

/** The same, for a revision the caller has read: no statement unless the view is older. */
export function engineViewAt(dataSource: DataSource, revision: bigint): Promise<EngineView> {
  return engineViewCache(dataSource).at(dataSource, revision);
}
