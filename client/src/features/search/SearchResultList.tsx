import type { Ref } from 'react';
import type { SearchResultDto } from '../../../../shared/dto/search.js';
import { SearchResultItem } from './SearchResultItem.js';

/** The results in rank order; `listRef` lets the page move focus to the first result a "Load more" added. */
export function SearchResultList({ items, terms, listRef }: { items: SearchResultDto[]; terms: string[]; listRef: Ref<HTMLOListElement> }) {
  return (
    <ol className="card-list search-results" ref={listRef}>
      {items.map((hit) => (
        <li key={`${hit.kind}:${hit.id}`}>
          <SearchResultItem hit={hit} terms={terms} />
        </li>
      ))}
    </ol>
  );
}
