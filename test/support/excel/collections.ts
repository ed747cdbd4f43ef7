/** Collections (worksheets, tables, names) load their items inside their own sync. */
import { ClientObject, jsonBytes } from './clientObject';

/** Loads a collection's items: proxies bound to each model, with the asked-for properties loaded. */
export function loadItems<M, P extends ClientObject>(
  collection: ClientObject,
  models: () => M[],
  proxyOf: (model: M) => P,
  props: string[],
  commit: (items: P[]) => void,
): void {
  let items: P[] = [];
  collection.context.enqueue({
    bytes: 64 + jsonBytes(props),
    apply: () => {
      items = models().map(proxyOf);
      // Each item's load runs at once: its data belongs to this same response.
      const pending = items.map((item) => (item as unknown as { loadNow(props: string[]): () => void }).loadNow(props));
      return () => {
        pending.forEach((done) => done());
        commit(items);
      };
    },
    responseBytes: () => jsonBytes(items.map((i) => i.toJSON())),
  });
}

// Lets a collection load its items inside its own sync.
Object.defineProperty(ClientObject.prototype, 'loadNow', {
  value(this: unknown, props: string[]) {
    const self = this as { snapshot(p: string): unknown; loaded: Map<string, unknown> };
    const values = props.map((p) => [p, self.snapshot(p)] as const);
    return () => values.forEach(([p, v]) => self.loaded.set(p, v));
  },
});
