/**
 * Runs `run` once the frame being prepared has been painted: from a task posted by the next animation
 * frame callback, so the work never delays the frame that shows the user's change. A hidden window
 * paints no frames; there it runs after `fallbackMs`.
 */
export function afterPaint(run: () => void, fallbackMs = 50): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    run();
  };
  const fallback = setTimeout(once, fallbackMs);
  requestAnimationFrame(() => setTimeout(once, 0));
}
