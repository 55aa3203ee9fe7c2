import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hostKind } from '../api/client';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { setNavigationGuard } from '../router';

export interface UnsavedChanges {
  /** The app's own "leave and lose them?" question; render it once inside the form's screen. */
  dialog: ReactNode;
  /** Lets the form leave without asking, e.g. right after it saved and is about to navigate away. */
  release: () => void;
}

/**
 * Asks before the user leaves a form with unsaved changes, so a half-typed institution is never lost
 * to a stray click on the navigation. The question is the app's own dialog for moves inside the app;
 * closing or reloading the browser tab gets the browser's question (the desktop window has its own).
 */
export function useUnsavedChanges(dirty: boolean): UnsavedChanges {
  const { t } = useTranslation();
  // The address the user tried to go to while the question is open; null when it is closed.
  const [pending, setPending] = useState<string | null>(null);
  const released = useRef(false);
  const guarding = dirty && !released.current;

  useEffect(() => {
    if (!guarding) return;
    setNavigationGuard((target) => {
      setPending(target);
      return true;
    });
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    if (hostKind === 'browser') window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      setNavigationGuard(null);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [guarding]);

  const release = useCallback(() => {
    released.current = true;
    setNavigationGuard(null);
  }, []);

  return {
    dialog: (
      <ConfirmDialog
        open={pending !== null}
        message={t('form.unsaved')}
        confirmLabel={t('form.leaveWithoutSaving')}
        onCancel={() => setPending(null)}
        onConfirm={() => {
          const target = pending;
          setPending(null);
          release();
          if (target !== null) window.location.hash = target;
        }}
      />
    ),
    release,
  };
}
