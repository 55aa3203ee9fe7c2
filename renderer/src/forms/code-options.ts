import type { TFunction } from 'i18next';

/** Options for a select or checkbox group of stored codes, labelled from the catalogue (`<prefix>.<code>`). */
export function codeOptions<T extends string>(t: TFunction, values: readonly T[], prefix: string): { value: T; label: string }[] {
  return values.map((value) => {
    const key: string = `${prefix}.${value}`;
    return { value, label: t(key) };
  });
}
