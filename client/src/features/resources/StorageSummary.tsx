import type { StorageState } from './useStorageUsage.js';
import { formatBytes } from './format.js';

/** "You have used 3.2 MB of your 500 MB." beside the upload controls; quiet while loading, absent if unknown. */
export function StorageSummary({ storage }: { storage: StorageState }) {
  if (storage.status === 'failed') return null;
  if (storage.status === 'loading') return <p className="storage-summary loading">Checking your storage…</p>;
  const { usedBytes, quotaBytes } = storage.usage;
  return (
    <p className="storage-summary" data-testid="storage-summary">
      You have used {formatBytes(usedBytes)} of your {formatBytes(quotaBytes)} of storage.
    </p>
  );
}
