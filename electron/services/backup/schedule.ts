/** How often the hosts ask whether a scheduled backup is due (the rule itself, once a day, is BackupService.createIfDue). */
export const checkEveryMs = 60 * 60 * 1000;

/**
 * Asks now, or after `firstAfterMs` (so a laptop switched on after a day away is backed up at start), and then every hour, rather
 * than setting one 24-hour timer: timers do not run while a laptop sleeps, and an hourly check catches up
 * within the hour after it wakes. The timer never keeps the process alive. Returns the stop function.
 */
export function startBackupSchedule(
  backupIfDue: () => Promise<unknown>,
  options: {
    everyMs?: number;
    /**
     * Waits this long before the first check (default: none). The browser host waits a few seconds so
     * that copying a large database does not compete with the first screen.
     */
    firstAfterMs?: number;
    onError?: (error: unknown) => void;
  } = {},
): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    void backupIfDue()
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = false;
      });
  };
  const first = options.firstAfterMs ? setTimeout(tick, options.firstAfterMs) : null;
  first?.unref?.();
  if (!first) tick();
  const timer = setInterval(tick, options.everyMs ?? checkEveryMs);
  timer.unref?.();
  return () => {
    if (first) clearTimeout(first);
    clearInterval(timer);
  };
}
