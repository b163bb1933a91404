import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import './SearchForm.css';

/**
 * The header's search: a compact field and button that open `/search?q=`. Empty, it opens the search page, which
 * then puts focus in its own field; the page also explains words that are too short.
 */
export function SearchForm() {
  const id = useId();
  const navigate = useNavigate();
  const [q, setQ] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    const words = q.trim();
    void navigate(words ? `/search?${new URLSearchParams({ q: words }).toString()}` : '/search');
  }

  return (
    <form role="search" aria-label="Site" className="site-search" onSubmit={submit}>
      <label htmlFor={`${id}-q`} className="visually-hidden">
        Search discussions and resources
      </label>
      <input id={`${id}-q`} type="search" name="q" className="site-search__input" value={q} maxLength={200} autoComplete="off" onChange={(event) => setQ(event.target.value)} />
      <button type="submit" className="site-search__button">
        Search
      </button>
    </form>
  );
}
