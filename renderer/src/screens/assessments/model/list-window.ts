/** Cards rendered at first and added at a time; a long list grows as it is scrolled or walked through. */
export const PAGE = 40;

/** Which cards of a list are rendered: `[0, head)` and `[from, to)`; `from === head` when they meet. */
export interface ShownRanges {
  head: number;
  from: number;
  to: number;
}

/**
 * The cards shown of a list of `length`: the first `head` (grown by "Show more"), and the current
 * criterion (at index `at`, or -1) with a few around it, plus `extra` cards after it. Near the top the
 * list simply grows down to the current criterion; far down it gets a window of its own, so a search
 * or filter with the current criterion 800 places down builds about sixty cards, not eight hundred.
 */
export function shownRanges(length: number, at: number, head: number, extra: number): ShownRanges {
  const top = Math.min(length, head);
  // Near the first cards (the gap would be under half a page) the list grows down to the current one.
  if (at < top + (3 * PAGE) / 4) {
    const to = Math.min(length, Math.max(top, at + 1 + PAGE / 4) + extra);
    return { head: to, from: to, to };
  }
  const from = at - PAGE / 4;
  return { head: top, from, to: Math.min(length, at + 1 + PAGE / 4 + extra) };
}
