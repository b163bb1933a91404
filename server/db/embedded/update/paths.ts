import { badValue } from '../errors.js';
import { isPlainObject, type Doc } from '../engine/values.js';

/** Parent container and last key of a dotted path, creating missing objects along the way when `create` is set. */
export function locate(doc: Doc, path: string, create: boolean): { parent: Doc | unknown[]; key: string } | undefined {
  const parts = path.split('.');
  let current: unknown = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i];
    let next: unknown;
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(part)) throw badValue(`Cannot create field '${part}' in element {${parts.slice(0, i).join('.')}: array}`);
      next = current[Number(part)];
      if (next === undefined || next === null) {
        if (!create) return undefined;
        while (current.length < Number(part)) current.push(null);
        next = current[Number(part)] = {};
      }
    } else if (isPlainObject(current)) {
      next = current[part];
      if (next === undefined) {
        if (!create) return undefined;
        next = current[part] = {};
      }
    } else {
      if (!create) return undefined;
      throw badValue(`Cannot create field '${part}' in element {${parts.slice(0, i).join('.') || 'root'}: ${JSON.stringify(current)}}`);
    }
    if (!isPlainObject(next) && !Array.isArray(next)) {
      if (!create) return undefined;
      throw badValue(`Cannot create field '${parts[i + 1]}' in element {${part}: ${JSON.stringify(next)}}`);
    }
    current = next;
  }
  return { parent: current as Doc | unknown[], key: parts[parts.length - 1] };
}

export function readPath(doc: Doc, path: string): unknown {
  const place = locate(doc, path, false);
  if (!place) return undefined;
  return Array.isArray(place.parent) ? place.parent[Number(place.key)] : place.parent[place.key];
}

export function writePath(doc: Doc, path: string, value: unknown): void {
  const place = locate(doc, path, true)!;
  if (Array.isArray(place.parent)) {
    if (!/^\d+$/.test(place.key)) throw badValue(`Cannot create field '${place.key}' in an array`);
    const index = Number(place.key);
    while (place.parent.length < index) place.parent.push(null);
    place.parent[index] = value;
  } else {
    place.parent[place.key] = value;
  }
}

/** Removes a field; an array element is set to null, as $unset does. Returns whether anything was there. */
export function unsetPath(doc: Doc, path: string): boolean {
  const place = locate(doc, path, false);
  if (!place) return false;
  if (Array.isArray(place.parent)) {
    const index = Number(place.key);
    if (!/^\d+$/.test(place.key) || index >= place.parent.length) return false;
    place.parent[index] = null;
    return true;
  }
  if (!(place.key in place.parent)) return false;
  delete place.parent[place.key];
  return true;
}

/** Expands `$[]` and `$[name]` segments into concrete paths over the current document. */
export function expandArrayPaths(doc: Doc, path: string, arrayFilter: (name: string, element: unknown) => boolean): string[] {
  const parts = path.split('.');
  const results: string[] = [];
  const walk = (value: unknown, i: number, prefix: string[]) => {
    if (i === parts.length) {
      results.push(prefix.join('.'));
      return;
    }
    const part = parts[i];
    const all = part === '$[]';
    const named = /^\$\[(\w+)\]$/.exec(part);
    if (all || named) {
      if (!Array.isArray(value)) throw badValue(`The path '${prefix.join('.')}' must exist in the document in order to apply array updates.`);
      value.forEach((element, index) => {
        if (all || arrayFilter(named![1], element)) walk(element, i + 1, [...prefix, String(index)]);
      });
      return;
    }
    const next = Array.isArray(value) ? value[Number(part)] : isPlainObject(value) ? value[part] : undefined;
    walk(next, i + 1, [...prefix, part]);
  };
  walk(doc, 0, []);
  return results;
}
