import { useEffect, useState } from 'react';

/**
 * `value` once it has stopped changing for `ms`: a list asked for by what the user types is not
 * queried on every keystroke. Compared by content, so a rebuilt object with the same fields is no change.
 */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [key, ms]);
  return settled;
}
