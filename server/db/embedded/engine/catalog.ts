import { badValue, invalidNamespace, namespaceExists, namespaceNotFound } from '../errors.js';
import { Collection } from './collection.js';
import type { Doc } from './values.js';

/** Schema changes the durability layer journals (document writes go through WriteContext instead). */
export type CatalogRecord =
  | { op: 'create'; ns: string; options: Doc }
  | { op: 'drop'; ns: string }
  | { op: 'dropDatabase'; db: string }
  | { op: 'createIndex'; ns: string; spec: Doc }
  | { op: 'dropIndex'; ns: string; name: string }
  | { op: 'rename'; from: string; to: string };

export function splitNamespace(ns: string): [string, string] {
  const dot = ns.indexOf('.');
  if (dot <= 0) throw badValue(`invalid namespace: ${ns}`);
  return [ns.slice(0, dot), ns.slice(dot + 1)];
}

function validateCollectionName(name: string): void {
  if (!name || name.includes('$') || name.includes('\0') || name.startsWith('.')) throw invalidNamespace(`Invalid collection name: '${name}'`);
}

/** The collection named by a command's first field, validated as MongoDB validates namespaces. */
export function requireCollectionName(value: unknown): string {
  if (typeof value !== 'string') throw invalidNamespace(`collection name has invalid type ${typeof value}`);
  if (!value || value.includes('\0')) throw invalidNamespace(`Invalid namespace specified: '${value}'`);
  return value;
}

/** All databases and their collections. */
export class Catalog {
  private readonly databases = new Map<string, Map<string, Collection>>();
  onChange: (record: CatalogRecord) => void = () => {};

  databaseNames(): string[] {
    return [...this.databases.keys()].filter((db) => (this.databases.get(db)?.size ?? 0) > 0);
  }

  collections(db: string): Collection[] {
    return [...(this.databases.get(db)?.values() ?? [])];
  }

  *allCollections(): Generator<Collection> {
    for (const collections of this.databases.values()) yield* collections.values();
  }

  get(db: string, name: string): Collection | undefined {
    return this.databases.get(db)?.get(name);
  }

  /** The collection, created implicitly (as a write to a missing collection does in MongoDB). */
  ensure(db: string, name: string, options: Doc = {}): Collection {
    const existing = this.get(db, name);
    if (existing) return existing;
    validateCollectionName(name);
    let collections = this.databases.get(db);
    if (!collections) this.databases.set(db, (collections = new Map()));
    const collection = new Collection(db, name, options);
    collections.set(name, collection);
    this.onChange({ op: 'create', ns: collection.ns, options });
    return collection;
  }

  create(db: string, name: string, options: Doc): Collection {
    if (this.get(db, name)) throw namespaceExists(`Collection ${db}.${name} already exists.`);
    return this.ensure(db, name, options);
  }

  drop(db: string, name: string): boolean {
    const dropped = this.databases.get(db)?.delete(name) ?? false;
    if (dropped) this.onChange({ op: 'drop', ns: `${db}.${name}` });
    return dropped;
  }

  dropDatabase(db: string): void {
    if (this.databases.delete(db)) this.onChange({ op: 'dropDatabase', db });
  }

  rename(from: string, to: string, dropTarget: boolean): void {
    const [fromDb, fromName] = splitNamespace(from);
    const [toDb, toName] = splitNamespace(to);
    const source = this.get(fromDb, fromName);
    if (!source) throw namespaceNotFound(`Source collection ${from} does not exist`);
    validateCollectionName(toName);
    if (this.get(toDb, toName)) {
      if (!dropTarget) throw namespaceExists(`target namespace exists`);
      this.databases.get(toDb)?.delete(toName);
    }
    this.databases.get(fromDb)?.delete(fromName);
    let target = this.databases.get(toDb);
    if (!target) this.databases.set(toDb, (target = new Map()));
    source.db = toDb;
    source.name = toName;
    target.set(toName, source);
    this.onChange({ op: 'rename', from, to });
  }
}
