import type { ComponentChildren, JSX } from 'preact';
import { useRef } from 'preact/hooks';

export interface ConsoleTab {
  id: string;
  label: string;
  /** How many resources the tab shows, read out with its label. */
  count: number;
}

interface Props {
  tabs: readonly ConsoleTab[];
  selected: string;
  onSelect: (id: string) => void;
  label: string;
  children: ComponentChildren;
}

/**
 * The WAI-ARIA tabs pattern (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/): one tab stop, arrow keys,
 * Home and End move between tabs and select them; Tab goes on into the panel.
 */
export function ConsoleTabs({ tabs, selected, onSelect, label, children }: Props) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length]!;
    onSelect(tab.id);
    refs.current[(index + tabs.length) % tabs.length]?.focus();
  };
  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLButtonElement>, index: number) => {
    const to = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    move(to);
  };
  return (
    <div class="console-tabs">
      <div role="tablist" aria-label={label} class="console-tablist">
        {tabs.map((tab, index) => (
          <button
            key={tab.id}
            ref={(element) => {
              refs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`console-tab-${tab.id}`}
            aria-selected={tab.id === selected}
            aria-controls={`console-panel-${tab.id}`}
            tabIndex={tab.id === selected ? 0 : -1}
            class="console-tab"
            onClick={() => onSelect(tab.id)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {tab.label} <span class="console-tab-count">{tab.count}</span>
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`console-panel-${selected}`} aria-labelledby={`console-tab-${selected}`} tabIndex={0} class="console-panel stack">
        {children}
      </div>
    </div>
  );
}
