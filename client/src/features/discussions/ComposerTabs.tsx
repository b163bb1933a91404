import { useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';

export type ComposerTab = 'write' | 'preview';
const tabs: { key: ComposerTab; label: string }[] = [
  { key: 'write', label: 'Write' },
  { key: 'preview', label: 'Preview' },
];

interface ComposerTabsProps {
  idBase: string;
  tab: ComposerTab;
  onChange(tab: ComposerTab): void;
  /** The selected tab's panel content. */
  children: ReactNode;
}

/** The ARIA tabs pattern: one tab stop, arrow keys move between Write and Preview and select it. */
export function ComposerTabs({ idBase, tab, onChange, children }: ComposerTabsProps) {
  const refs = useRef<Record<ComposerTab, HTMLButtonElement | null>>({ write: null, preview: null });

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((t) => t.key === tab);
    let next: number | undefined;
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    onChange(tabs[next].key);
    refs.current[tabs[next].key]?.focus();
  }

  return (
    <div className="composer-tabs">
      <div role="tablist" aria-label="Editor" className="composer-tabs__list" onKeyDown={handleKeyDown}>
        {tabs.map(({ key, label }) => (
          <button
            key={key}
            ref={(element) => {
              refs.current[key] = element;
            }}
            type="button"
            role="tab"
            id={`${idBase}-tab-${key}`}
            aria-selected={tab === key}
            aria-controls={`${idBase}-panel`}
            tabIndex={tab === key ? 0 : -1}
            className="composer-tabs__tab"
            onClick={() => onChange(key)}
          >
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${idBase}-panel`} aria-labelledby={`${idBase}-tab-${tab}`} className="composer-tabs__panel">
        {children}
      </div>
    </div>
  );
}
