import { useEffect } from 'react';
import type { RefObject } from 'react';

export interface ShortcutHandlers {
  /** A digit 0–4; 4 exists only on the maturity lens. */
  digit(value: number): void;
  notApplicable(): void;
  move(delta: 1 | -1): void;
  moveSection(delta: 1 | -1): void;
  focusNote(): void;
  /** Back from a field to its criterion. */
  back(): void;
  focusSearch(): void;
  toggleHelp(): void;
}

const nonTextInputs = new Set(['radio', 'checkbox', 'button', 'submit', 'reset', 'range', 'color']);

/** Fields where a key press is typing, never a shortcut. */
export function isTextEntry(el: Element | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  return el instanceof HTMLInputElement && !nonTextInputs.has(el.type);
}

/**
 * The workspace's keyboard shortcuts, on the whole document while the workspace is open. They never
 * fire while typing in a text field, with a modifier key held, or while a dialog is open; Escape in a
 * field goes back to its criterion. Handlers are read through a ref, so they are always the latest.
 */
export function useShortcuts(handlers: RefObject<ShortcutHandlers>): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      if (document.querySelector('dialog[open]') !== null) return;
      const h = handlers.current;
      const target = e.target instanceof Element ? e.target : null;
      if (e.key === 'Escape') {
        const card = target?.closest('[data-unit]') ?? null;
        if (card !== null && card !== target) {
          e.preventDefault();
          h.back();
        }
        return;
      }
      if (isTextEntry(target)) return;
      const onRadio = target instanceof HTMLInputElement && target.type === 'radio';
      switch (e.key) {
        case '0':
        case '1':
        case '2':
        case '3':
        case '4':
          h.digit(Number(e.key));
          break;
        case 'n':
        case 'N':
          h.notApplicable();
          break;
        case 'j':
        case 'J':
          h.move(1);
          break;
        case 'k':
        case 'K':
          h.move(-1);
          break;
        case 'ArrowDown':
        case 'ArrowUp':
          // On a radio the arrows choose within the rating, as radios always do.
          if (onRadio) return;
          h.move(e.key === 'ArrowDown' ? 1 : -1);
          break;
        case 'Enter':
          // Only from the criterion itself: Enter on a button or link keeps its own meaning.
          if (!(target instanceof HTMLElement) || !target.hasAttribute('data-unit')) return;
          h.focusNote();
          break;
        case ']':
        case '[':
          h.moveSection(e.key === ']' ? 1 : -1);
          break;
        case '/':
          h.focusSearch();
          break;
        case '?':
          h.toggleHelp();
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [handlers]);
}
