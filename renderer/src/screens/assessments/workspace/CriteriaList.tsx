import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maturityOffered } from '../../../../../shared/assessments/rules';
import type { AssessmentKind } from '../../../../../shared/assessments/schema';
import type { Framework } from '../../../../../shared/framework/schema';
import type { RatingAnswer } from '../../../../../shared/scoring';
import { counted, formatNumber } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { langOf, localized, programmeTitle } from '../model/text';
import { PAGE, shownRanges } from '../model/list-window';
import type { Section, Unit } from '../model/units';
import { CriterionCard } from './CriterionCard';

interface CriteriaListProps {
  framework: Framework;
  kind: AssessmentKind;
  /** The section shown when no filter is on; null while filtering (matches from every section). */
  section: Section | null;
  units: readonly Unit[];
  /** Names the list shown (a section, or a set of filters): paging starts again when it changes. */
  listId: string;
  current: string | null;
  readOnly: boolean;
  maturityLens: boolean;
  selfAnswers: ReadonlyMap<string, RatingAnswer> | null;
}

/**
 * The criteria of one section, or the matches of the filters across all sections. Long lists (a large
 * framework, a broad search) are rendered in pages, so opening or filtering never builds a thousand
 * cards at once. The current criterion is always rendered: far down a list, in a window of its own
 * below the first page, so a search or filter with the current criterion 800 places down builds
 * about sixty cards, not eight hundred.
 */
export const CriteriaList = memo(function CriteriaList({
  framework,
  kind,
  section,
  units,
  listId,
  current,
  readOnly,
  maturityLens,
  selfAnswers,
}: CriteriaListProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  // Paging belongs to the list shown: another section or other filters start from the first page.
  const [paging, setPaging] = useState({ listId, head: PAGE, extra: 0 });
  const { head: limit, extra } = paging.listId === listId ? paging : { head: PAGE, extra: 0 };
  const at = current === null ? -1 : units.findIndex((u) => u.key === current);
  const range = shownRanges(units.length, at, limit, extra);
  const gap = range.from - range.head;
  const more = units.length - range.to;
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = sentinel.current;
    if (el === null || more <= 0) return;
    const observer = new IntersectionObserver(
      (entries) => entries.some((e) => e.isIntersecting) && setPaging({ listId, head: limit, extra: extra + PAGE }),
      { rootMargin: '1200px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [more, listId, limit, extra]);
  const card = (unit: Unit) => (
    <CriterionCard
      key={unit.key}
      unit={unit}
      current={unit.key === current}
      readOnly={readOnly}
      maturity={maturityLens && maturityOffered(framework, unit.group.id, kind)}
      selfAnswer={selfAnswers === null ? undefined : (selfAnswers.get(unit.key) ?? null)}
      showProgramme={section === null}
    />
  );
  return (
    <div className="criteria-list">
      {section ? (
        <div className="section-heading">
          <h2 id="section-heading" lang={langOf(section.group.title, language)}>
            {section.group.id} · {localized(section.group.title, language)}
            {section.programme ? (
              <span className="section-heading__programme"> — {programmeTitle(section.programme, language)}</span>
            ) : null}
          </h2>
          <p className="secondary" lang={langOf(section.group.description, language)}>
            {localized(section.group.description, language)}
          </p>
        </div>
      ) : (
        <h2 id="section-heading">{t('assessments.filters.matches', counted(units.length))}</h2>
      )}
      {units.length === 0 ? <p className="empty">{t('assessments.filters.none')}</p> : null}
      {units.slice(0, range.head).map(card)}
      {gap > 0 ? (
        <div className="criteria-list__more">
          <button type="button" onClick={() => setPaging({ listId, head: limit + PAGE, extra })}>
            {t('assessments.filters.showMore', { n: formatNumber(Math.min(PAGE, gap)), left: formatNumber(gap) })}
          </button>
        </div>
      ) : null}
      {gap > 0 ? units.slice(range.from, range.to).map(card) : null}
      {more > 0 ? (
        <div ref={sentinel} className="criteria-list__more">
          <button type="button" onClick={() => setPaging({ listId, head: limit, extra: extra + PAGE })}>
            {t('assessments.filters.showMore', { n: formatNumber(Math.min(PAGE, more)), left: formatNumber(more) })}
          </button>
        </div>
      ) : null}
    </div>
  );
});
