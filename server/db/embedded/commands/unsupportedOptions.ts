import { isPlainObject, type Doc } from '../engine/values.js';
import { notImplemented } from '../errors.js';

const isSimple = (collation: unknown) => isPlainObject(collation) && collation.locale === 'simple';

/**
 * Options the store cannot honour must fail loudly: a collation would change which documents match and how they
 * sort, so ignoring it would return wrong results.
 */
export function rejectUnsupportedOptions(command: Doc): void {
  const collations: unknown[] = [command.collation];
  for (const field of ['updates', 'deletes', 'indexes']) {
    const statements = command[field];
    if (Array.isArray(statements)) for (const statement of statements) if (isPlainObject(statement)) collations.push(statement.collation);
  }
  if (collations.some((c) => c !== undefined && !isSimple(c))) throw notImplemented('collation (other than {locale: "simple"})');
}
