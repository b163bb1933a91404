import { useEffect, useState } from 'react';
import type { CategoryDto } from '../../../../shared/dto/discussion.js';
import { describeError, fetchCategories } from '../../api/discussions.js';

export type CategoriesState = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; items: CategoryDto[] };

/** The categories this member may read, in the server's order. */
export function useCategories(): CategoriesState {
  const [state, setState] = useState<CategoriesState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    fetchCategories(controller.signal).then(
      ({ items }) => setState({ status: 'ready', items: [...items].sort((a, b) => a.order - b.order) }),
      (error: unknown) => !controller.signal.aborted && setState({ status: 'failed', message: describeError(error) }),
    );
    return () => controller.abort();
  }, []);
  return state;
}

export function categoryById(state: CategoriesState, id: string | undefined): CategoryDto | undefined {
  return state.status === 'ready' ? state.items.find((c) => c.id === id) : undefined;
}
