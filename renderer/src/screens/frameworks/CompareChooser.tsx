import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameworkVersionSummary } from '../../../../shared/framework/contract';
import { navigate } from '../../router';
import { titleOf } from './framework-text';

/** Picks two stored versions to compare side by side. */
export function CompareChooser({ items }: { items: FrameworkVersionSummary[] }) {
  const { t } = useTranslation();
  // The library lists the newest import of each framework first; propose it against the one before.
  const newest = items[0];
  const before = items.find((v) => v !== newest && v.frameworkId === newest?.frameworkId) ?? items[1];
  const [newerId, setNewerId] = useState(newest?.id ?? '');
  const [olderId, setOlderId] = useState(before?.id ?? '');
  const [problem, setProblem] = useState<string | null>(null);

  if (items.length < 2) {
    return (
      <section className="panel" aria-labelledby="framework-compare-heading">
        <h2 id="framework-compare-heading">{t('frameworks.compare.heading')}</h2>
        <p className="secondary">{t('frameworks.compare.needTwo')}</p>
      </section>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (olderId === newerId) return setProblem(t('frameworks.compare.sameVersion'));
    navigate({ name: 'framework-compare', olderId, newerId });
  };
  const label = (v: FrameworkVersionSummary) => `${titleOf(v)} — ${v.version} (${v.contentHash.slice(0, 8)})`;

  return (
    <section className="panel" aria-labelledby="framework-compare-heading">
      <h2 id="framework-compare-heading">{t('frameworks.compare.heading')}</h2>
      <form className="toolbar" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="compare-older">{t('frameworks.compare.older')}</label>
          <select id="compare-older" value={olderId} onChange={(e) => (setOlderId(e.target.value), setProblem(null))}>
            {items.map((v) => (
              <option key={v.id} value={v.id}>
                {label(v)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="compare-newer">{t('frameworks.compare.newer')}</label>
          <select id="compare-newer" value={newerId} onChange={(e) => (setNewerId(e.target.value), setProblem(null))}>
            {items.map((v) => (
              <option key={v.id} value={v.id}>
                {label(v)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('frameworks.compare.button')}</button>
      </form>
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
