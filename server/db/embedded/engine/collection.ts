import { ObjectId } from 'bson';
import { duplicateKey, indexNotFound, badValue, indexKeySpecsConflict, indexOptionsConflict } from '../errors.js';
import { DocumentStore } from './documentStore.js';
import { isTextKey, type IndexSpec } from './indexSpec.js';
import { SecondaryIndex } from './secondaryIndex.js';
import { TextIndex } from './textIndex.js';
import { valueKey, type Doc } from './values.js';
import type { WriteContext } from './writeContext.js';

export const ID_INDEX: IndexSpec = { v: 2, key: { _id: 1 }, name: '_id_' };

/**
 * The documents of one namespace, keyed by their `_id`, and its secondary indexes.
 * Documents are stored as BSON bytes and every read decodes a fresh object, so readers and cursors holding an
 * older image keep it unchanged after an update.
 */
export class Collection {
  readonly docs = new DocumentStore();
  readonly indexes = new Map<string, SecondaryIndex>();
  readonly textIndexes = new Map<string, TextIndex>();
  /** `_id` in order, for ranges and sorts on `_id`; built the first time a query needs it (equality uses `docs`). */
  private idOrder?: SecondaryIndex;

  constructor(
    public db: string,
    public name: string,
    public options: Doc = {},
  ) {}

  get ns() {
    return `${this.db}.${this.name}`;
  }

  indexSpecs(): IndexSpec[] {
    return [ID_INDEX, ...[...this.indexes.values()].map((index) => index.spec), ...[...this.textIndexes.values()].map((index) => index.spec)];
  }

  orderedIdIndex(): SecondaryIndex {
    if (!this.idOrder) {
      this.idOrder = new SecondaryIndex(ID_INDEX);
      for (const [id, doc] of this.docs) this.idOrder.add(id, [[doc._id]]);
    }
    return this.idOrder;
  }

  getById(id: unknown): Doc | undefined {
    return this.docs.get(valueKey(id));
  }

  private addText(id: string, doc: Doc): void {
    const added: TextIndex[] = [];
    try {
      for (const text of this.textIndexes.values()) {
        text.add(id, doc);
        added.push(text);
      }
    } catch (error) {
      for (const text of added) text.remove(id, doc);
      throw error;
    }
  }

  private checkUnique(doc: Doc, id: string, skip?: Doc): Map<SecondaryIndex, unknown[][]> {
    if (skip === undefined && this.docs.has(id)) throw duplicateKey(this.ns, '_id_', { _id: 1 }, { _id: doc._id });
    const keysByIndex = new Map<SecondaryIndex, unknown[][]>();
    for (const index of this.indexes.values()) {
      const keys = index.keysFor(doc);
      keysByIndex.set(index, keys);
      const conflict = index.findConflict(keys, id);
      if (conflict) {
        const keyValue = Object.fromEntries(index.fields.map(([field], i) => [field, conflict[i]]));
        throw duplicateKey(this.ns, index.name, index.spec.key, keyValue);
      }
    }
    return keysByIndex;
  }

  insert(doc: Doc, ctx: WriteContext): Doc {
    if (doc._id === undefined) doc = { _id: new ObjectId(), ...doc };
    if (Array.isArray(doc._id)) throw badValue('The _id field cannot be an array');
    const id = valueKey(doc._id);
    const keysByIndex = this.checkUnique(doc, id);
    this.addText(id, doc);
    this.docs.set(id, doc);
    for (const [index, keys] of keysByIndex) index.add(id, keys);
    this.idOrder?.add(id, [[doc._id]]);
    ctx.recordWrite(this, id, undefined, doc);
    return doc;
  }

  /** Stores `next` in place of the document with the same `_id`. */
  replace(previous: Doc, next: Doc, ctx: WriteContext): void {
    const id = valueKey(previous._id);
    const keysByIndex = this.checkUnique(next, id, previous);
    for (const text of this.textIndexes.values()) text.remove(id, previous);
    try {
      this.addText(id, next);
    } catch (error) {
      this.addText(id, previous);
      throw error;
    }
    this.docs.set(id, next);
    for (const [index, keys] of keysByIndex) {
      index.remove(id);
      index.add(id, keys);
    }
    ctx.recordWrite(this, id, previous, next);
  }

  delete(previous: Doc, ctx: WriteContext): void {
    const id = valueKey(previous._id);
    if (!this.docs.delete(id)) return;
    for (const index of this.indexes.values()) index.remove(id);
    this.idOrder?.remove(id);
    for (const text of this.textIndexes.values()) text.remove(id, previous);
    ctx.recordWrite(this, id, previous, undefined);
  }

  /** Puts back a document image without journaling; used by transaction rollback and journal replay. */
  restore(id: string, image: Doc | undefined): void {
    const current = this.docs.get(id);
    for (const index of this.indexes.values()) index.remove(id);
    this.idOrder?.remove(id);
    if (current) for (const text of this.textIndexes.values()) text.remove(id, current);
    if (image === undefined) {
      this.docs.delete(id);
      return;
    }
    this.docs.set(id, image);
    for (const index of this.indexes.values()) index.add(id, index.keysFor(image));
    this.idOrder?.add(id, [[image._id]]);
    for (const text of this.textIndexes.values()) text.add(id, image);
  }

  /** Adds an index, building it over the existing documents; returns false when an identical one exists. */
  createIndex(spec: IndexSpec): boolean {
    const comparable = (s: IndexSpec) => JSON.stringify([!!s.unique, !!s.sparse, s.partialFilterExpression ?? null, s.expireAfterSeconds ?? null]);
    const sameName = this.indexSpecs().find((s) => s.name === spec.name);
    if (sameName) {
      const sameKey = isTextKey(spec.key) ? this.textIndexes.has(spec.name) : JSON.stringify(sameName.key) === JSON.stringify(spec.key);
      if (sameKey && comparable(sameName) === comparable(spec)) return false;
      throw indexKeySpecsConflict(`An existing index has the same name as the requested index but different options or key. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(sameName)}`);
    }
    const sameKey = this.indexSpecs().find((s) => JSON.stringify(s.key) === JSON.stringify(spec.key));
    if (sameKey) throw indexOptionsConflict(`Index already exists with a different name: ${sameKey.name}`);
    if (isTextKey(spec.key)) {
      if (this.textIndexes.size > 0) throw indexOptionsConflict(`Expected only one text index, found ${[...this.textIndexes.keys()][0]}`);
      const text = new TextIndex(spec);
      for (const [id, doc] of this.docs) text.add(id, doc);
      this.textIndexes.set(text.name, text);
      return true;
    }
    const index = new SecondaryIndex(spec);
    for (const [id, doc] of this.docs) {
      const keys = index.keysFor(doc);
      const conflict = index.findConflict(keys, id);
      if (conflict) {
        const keyValue = Object.fromEntries(index.fields.map(([field], i) => [field, conflict[i]]));
        throw duplicateKey(this.ns, spec.name, spec.key, keyValue);
      }
      index.add(id, keys);
    }
    this.indexes.set(spec.name, index);
    return true;
  }

  dropIndex(name: string): void {
    if (name === '_id_') throw badValue('cannot drop _id index');
    if (!this.indexes.delete(name) && !this.textIndexes.delete(name)) throw indexNotFound(`index not found with name [${name}]`);
  }

  findIndexByKey(key: Record<string, unknown>): string | undefined {
    return this.indexSpecs().find((spec) => JSON.stringify(spec.key) === JSON.stringify(key))?.name;
  }
}
