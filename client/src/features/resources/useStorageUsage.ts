import { useCallback, useEffect, useState } from 'react';
import type { StorageUsageDto } from '../../../../shared/dto/resource.js';
import { fetchStorageUsage } from '../../api/resources.js';

export type StorageState = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; usage: StorageUsageDto };

/** The member's storage (used, quota, largest file), loaded from the server so no limit is hard-coded here. */
export function useStorageUsage(): { storage: StorageState; refreshStorage(): void } {
  const [storage, setStorage] = useState<StorageState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetchStorageUsage(controller.signal).then(
      (usage) => setStorage({ status: 'ready', usage }),
      () => !controller.signal.aborted && setStorage((current) => (current.status === 'ready' ? current : { status: 'failed' })),
    );
    return () => controller.abort();
  }, [attempt]);

  const refreshStorage = useCallback(() => setAttempt((n) => n + 1), []);
  return { storage, refreshStorage };
}

export const usageOf = (storage: StorageState): StorageUsageDto | null => (storage.status === 'ready' ? storage.usage : null);
