/** A command failure the store reports to the client as `{ok:0, code, codeName, errmsg}`. */
export class CommandError extends Error {
  constructor(
    readonly code: number,
    readonly codeName: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly labels: string[] = [],
  ) {
    super(message);
    this.name = 'CommandError';
  }
}

export const badValue = (message: string) => new CommandError(2, 'BadValue', message);
export const failedToParse = (message: string) => new CommandError(9, 'FailedToParse', message);
export const typeMismatch = (message: string) => new CommandError(14, 'TypeMismatch', message);
export const namespaceNotFound = (message: string) => new CommandError(26, 'NamespaceNotFound', message);
export const indexNotFound = (message: string) => new CommandError(27, 'IndexNotFound', message);
export const cursorNotFound = (id: string) => new CommandError(43, 'CursorNotFound', `cursor id ${id} not found`);
export const namespaceExists = (message: string) => new CommandError(48, 'NamespaceExists', message);
export const commandNotFound = (name: string) => new CommandError(59, 'CommandNotFound', `no such command: '${name}'`);
export const immutableField = (message: string) => new CommandError(66, 'ImmutableField', message);
export const invalidNamespace = (message: string) => new CommandError(73, 'InvalidNamespace', message);
export const indexOptionsConflict = (message: string) => new CommandError(85, 'IndexOptionsConflict', message);
export const indexKeySpecsConflict = (message: string) => new CommandError(86, 'IndexKeySpecsConflict', message);
export const writeConflict = () =>
  new CommandError(112, 'WriteConflict', 'Write conflict: another transaction holds the write lock', {}, ['TransientTransactionError']);
export const noSuchTransaction = (txnNumber: string) =>
  new CommandError(251, 'NoSuchTransaction', `Transaction with { txnNumber: ${txnNumber} } has been aborted.`, {}, ['TransientTransactionError']);
export const notImplemented = (what: string) => new CommandError(238, 'NotImplemented', `${what} is not supported by the embedded store`);
export const invalidPipelineOperator = (name: string) =>
  new CommandError(40324, 'Location40324', `Unrecognized pipeline stage name: '${name}'`);

/** Builds the E11000 duplicate key error the driver and mongoose recognise. */
export function duplicateKey(ns: string, indexName: string, keyPattern: Record<string, unknown>, keyValue: Record<string, unknown>) {
  const shown = Object.entries(keyValue)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join(', ');
  return new CommandError(11000, 'DuplicateKey', `E11000 duplicate key error collection: ${ns} index: ${indexName} dup key: { ${shown} }`, {
    keyPattern,
    keyValue,
  });
}
