import { useEffect, useState } from 'react';
import type { ResourceDetailDto } from '../../../../shared/dto/resource.js';
import { fetchResource } from '../../api/resources.js';
import { describeResourceError } from './describeResourceError.js';

export type ResourceState = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; resource: ResourceDetailDto };

/** One resource with its versions; `replace` takes the server's answer after a new version. */
export function useResource(id: string): { state: ResourceState; replace(resource: ResourceDetailDto): void } {
  const [state, setState] = useState<ResourceState>({ status: 'loading' });
  const [loadedId, setLoadedId] = useState(id);
  if (loadedId !== id) {
    setLoadedId(id);
    setState({ status: 'loading' });
  }

  useEffect(() => {
    const controller = new AbortController();
    fetchResource(id, controller.signal).then(
      (resource) => setState({ status: 'ready', resource }),
      (error: unknown) => !controller.signal.aborted && setState({ status: 'failed', message: describeResourceError(error) }),
    );
    return () => controller.abort();
  }, [id]);

  return { state, replace: (resource) => setState({ status: 'ready', resource }) };
}
