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
  /** Ctrl+Z / Cmd+Z and Ctrl+Shift+Z / Ctrl+Y outside text fields: the last rating change (or field edit). */
  undo(): void;
  redo(): void;
}

const nonTextInputs = new Set(['radio', 'checkbox', 'button', 'submit', 'reset', 'range', 'color']);

/** Fields where a key press is typing, never a shortcut. */
export function isTextEntry(el: Element | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  return el instanceof HTMLInputElement && !nonTextInputs.has(el.type);
}

/** Undo or redo from a key press with Ctrl or Cmd, on any keyboard layout (a Bangla layout too). */
export function undoCommand(e: KeyboardEvent): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const letter = /^[a-z]$/i.test(e.key) ? e.key.toLowerCase() : e.code === 'KeyZ' ? 'z' : e.code === 'KeyY' ? 'y' : '';
  if (letter === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (letter === 'y' && !e.shiftKey) return 'redo';
  return null;
}

/** The event by which Edit → Undo / Redo of the desktop menu reaches the screen that is open. */
export const editCommandEvent = 'tvet:edit-command';

/**
 * Edit → Undo / Redo chosen in the desktop menu. Those items used to be Electron's `undo` / `redo`
 * roles, which only undo typing: in a text field that is still what happens (the browser's own text
 * undo), elsewhere the open screen decides (the assessment workspace undoes the last rating change).
 * Key presses do not come this way while the workspace handles them: Chromium gives the page the key
 * first, and Electron runs a menu accelerator only for a key press the page did not take
 * (preventDefault). So Ctrl+Z works the same in the desktop app and in browser mode.
 */
export function runEditCommand(command: 'undo' | 'redo'): void {
  if (isTextEntry(document.activeElement)) {
    // Deprecated, but still the one way to reach the browser's own text undo from script.
    document.execCommand(command);
    return;
  }
  document.dispatchEvent(new CustomEvent(editCommandEvent, { detail: command }));
}

/**
 * The workspace's keyboard shortcuts, on the whole document while the workspace is open. They never
 * fire while typing in a text field, with a modifier key held, or while a dialog is open; Escape in a
 * field goes back to its criterion. Handlers are read through a ref, so they are always the latest.
 * Undo and redo (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y) are the only shortcuts with a modifier; in a text field
 * they stay the browser's text undo.
 */
export function useShortcuts(handlers: RefObject<ShortcutHandlers>): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const target = e.target instanceof Element ? e.target : null;
      const undo = undoCommand(e);
      if (undo !== null) {
        if (isTextEntry(target) || document.querySelector('dialog[open]') !== null) return;
        // Taken here, so the desktop menu's Edit → Undo does not act on the same key press as well.
        e.preventDefault();
        if (undo === 'undo') handlers.current.undo();
        else handlers.current.redo();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      // Typing is never a shortcut: decided before looking for an open dialog, a query over the whole
      // page (thousands of nodes with a large framework) that a keystroke in a note must not pay for.
      if (e.key !== 'Escape' && isTextEntry(target)) return;
      if (document.querySelector('dialog[open]') !== null) return;
      const h = handlers.current;
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
    const onEditCommand = (e: Event) => {
      if (document.querySelector('dialog[open]') !== null) return;
      if ((e as CustomEvent<unknown>).detail === 'undo') handlers.current.undo();
      else if ((e as CustomEvent<unknown>).detail === 'redo') handlers.current.redo();
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener(editCommandEvent, onEditCommand);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener(editCommandEvent, onEditCommand);
    };
  }, [handlers]);
}
