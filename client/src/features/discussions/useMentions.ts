import { useEffect, useState } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import { searchMembers } from '../../api/discussions.js';
import type { MemberSuggestion } from '../../api/discussions.js';

interface MentionQuery {
  /** Index of the `@` in the text. */
  start: number;
  /** Where the caret is: the end of the typed handle. */
  end: number;
  text: string;
}

/** The `@handle` being typed just before the caret, if any (at least one character after the `@`). */
export function mentionAt(value: string, caret: number): MentionQuery | null {
  const match = /(^|[\s(>])@([\p{L}\p{N}._-]{1,64})$/u.exec(value.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[2].length - 1, end: caret, text: match[2] };
}

export interface MentionAutocomplete {
  suggestions: MemberSuggestion[];
  activeIndex: number;
  open: boolean;
  /** Call on every change and caret move of the textarea. */
  track(value: string, caret: number): void;
  /** Handles arrows, Enter, Tab and Escape while the list is open; returns true when it used the key. */
  handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): boolean;
  choose(index: number): void;
  close(): void;
}

/**
 * @mention autocomplete over `GET /api/members?q=`. The textarea keeps focus throughout (aria-activedescendant
 * points at the highlighted option); a missing route simply yields no suggestions.
 */
export function useMentions(value: string, onChange: (next: string) => void, textarea: RefObject<HTMLTextAreaElement | null>): MentionAutocomplete {
  const [query, setQuery] = useState<MentionQuery | null>(null);
  const [suggestions, setSuggestions] = useState<MemberSuggestion[]>([]);
  const [activeIndex, setActiveIndex] = useState(0);
  const [dismissed, setDismissed] = useState<string | null>(null);

  const queryText = query && query.text !== dismissed ? query.text : null;
  useEffect(() => {
    if (!queryText) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      searchMembers(queryText, controller.signal).then(
        (items) => {
          setSuggestions(items);
          setActiveIndex(0);
        },
        () => !controller.signal.aborted && setSuggestions([]),
      );
    }, 200);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [queryText]);

  const open = queryText !== null && suggestions.length > 0;

  function close() {
    if (query) setDismissed(query.text);
    setSuggestions([]);
  }

  function choose(index: number) {
    const member = suggestions[index];
    if (!member || !query) return;
    const inserted = `@${member.handle} `;
    const next = value.slice(0, query.start) + inserted + value.slice(query.end);
    const caret = query.start + inserted.length;
    onChange(next);
    setQuery(null);
    setSuggestions([]);
    window.requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(caret, caret);
    });
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
    if (!open) return false;
    const count = suggestions.length;
    if (event.key === 'ArrowDown') setActiveIndex((i) => (i + 1) % count);
    else if (event.key === 'ArrowUp') setActiveIndex((i) => (i - 1 + count) % count);
    else if ((event.key === 'Enter' && !event.ctrlKey && !event.metaKey) || event.key === 'Tab') choose(activeIndex);
    else if (event.key === 'Escape') close();
    else return false;
    event.preventDefault();
    return true;
  }

  function track(nextValue: string, caret: number) {
    const next = mentionAt(nextValue, caret);
    setQuery(next);
    if (!next) setSuggestions([]);
    if (next && dismissed && !next.text.startsWith(dismissed)) setDismissed(null);
  }

  return { suggestions: queryText ? suggestions : [], activeIndex, open, track, handleKeyDown, choose, close };
}
