import type { Ref } from 'react';
import './MenuButton.css';

interface MenuButtonProps {
  controls: string;
  expanded: boolean;
  onToggle(): void;
  ref?: Ref<HTMLButtonElement>;
}

/** Opens and closes the primary navigation on narrow screens; hidden by CSS where the navigation fits. */
export function MenuButton({ controls, expanded, onToggle, ref }: MenuButtonProps) {
  return (
    <button ref={ref} type="button" className="menu-button" aria-expanded={expanded} aria-controls={controls} onClick={onToggle}>
      <span className="menu-button__icon" aria-hidden="true" />
      Menu
    </button>
  );
}
