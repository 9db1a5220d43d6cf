// Every record of Coffice's own collections as the operator's API shows them (for the upgrade
// fixture and its test): sorted by id, dates and all, so two exports compare field by field.

/** @param {import('pocketbase').default} pb @returns {Promise<string[]>} */
export async function appCollections(pb) {
  const collections = await pb.collections.getFullList({ filter: 'system = false' });
  return collections
    .filter((c) => c.type !== 'view')
    .map((c) => c.name)
    .sort();
}

/**
 * @param {import('pocketbase').default} pb @param {string[]} names
 * @returns {Promise<Record<string, Record<string, unknown>[]>>}
 */
export async function exportRecords(pb, names) {
  /** @type {Record<string, Record<string, unknown>[]>} */
  const out = {};
  for (const name of names) {
    const records = await pb.collection(name).getFullList({ sort: 'id', batch: 500 });
    out[name] = records.map(({ collectionId: _c, collectionName: _n, expand: _e, ...fields }) => fields);
  }
  return out;
}
