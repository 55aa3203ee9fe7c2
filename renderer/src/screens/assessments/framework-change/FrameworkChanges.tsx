import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameworkDiff } from '../../../../../shared/framework/diff';
import type { Criterion, Framework } from '../../../../../shared/framework/schema';
import { canonicalJson } from '../../../../../shared/util/canonical-json';
import { formatNumber } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { langOf, localized } from '../model/text';
import { changedAspects, type RuleAspect } from './change-plan';

interface Placed {
  criterion: Criterion;
  groupId: string;
}

function placed(framework: Framework): Map<string, Placed> {
  return new Map(framework.groups.flatMap((g) => g.criteria.map((criterion) => [criterion.id, { criterion, groupId: g.id }] as const)));
}

const kinds = ['added', 'removed', 'reworded', 'changed'] as const;

/** The version diff by criterion id: what was added, removed, reworded, and whose rules changed. */
export function FrameworkChanges({ current, target, diff }: { current: Framework; target: Framework; diff: FrameworkDiff }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const before = placed(current);
  const after = placed(target);

  const title = (c: Criterion) => <span lang={langOf(c.title, language)}>{localized(c.title, language)}</span>;
  const aspectText = (aspect: RuleAspect, older: Placed, newer: Placed) =>
    aspect === 'weight'
      ? t('assessments.frameworkChange.aspect.weight', {
          from: formatNumber(older.criterion.weight),
          to: formatNumber(newer.criterion.weight),
        })
      : t(`assessments.frameworkChange.aspect.${aspect}`);

  const detail = (kind: (typeof kinds)[number], id: string): ReactNode => {
    const older = before.get(id);
    const newer = after.get(id);
    if (kind === 'reworded' && older && newer) {
      const sameTitle = canonicalJson(older.criterion.title) === canonicalJson(newer.criterion.title);
      return (
        <p className="secondary">
          {sameTitle ? (
            t('assessments.frameworkChange.guidanceReworded')
          ) : (
            <>
              {t('assessments.frameworkChange.before')} {title(older.criterion)}
            </>
          )}
        </p>
      );
    }
    if (kind === 'changed' && older && newer) {
      const aspects = changedAspects(older, newer).map((a) => aspectText(a, older, newer));
      // A change outside the criterion itself (a condition's definition) names no aspect here.
      return aspects.length > 0 ? (
        <p className="secondary">{t('assessments.frameworkChange.aspects', { list: aspects.join(', ') })}</p>
      ) : null;
    }
    return null;
  };

  return (
    <section aria-labelledby="framework-change-changes" className="framework-change__block">
      <h2 id="framework-change-changes">{t('assessments.frameworkChange.changesHeading')}</h2>
      <div className="framework-change__kinds">
        {kinds.map((kind) => (
          <section key={kind} aria-labelledby={`framework-change-${kind}`} data-testid={`changes-${kind}`}>
            <h3 id={`framework-change-${kind}`}>{t(`assessments.frameworkChange.kind.${kind}`, { n: formatNumber(diff[kind].length) })}</h3>
            {diff[kind].length === 0 ? (
              <p className="secondary">{t('assessments.frameworkChange.none')}</p>
            ) : (
              <ul className="framework-change__list">
                {diff[kind].map((id) => {
                  const shown = (kind === 'removed' ? before : after).get(id);
                  return (
                    <li key={id} data-criterion={id}>
                      <span className="criterion__id">{id}</span> {shown ? title(shown.criterion) : null}
                      {detail(kind, id)}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        ))}
      </div>
    </section>
  );
}
