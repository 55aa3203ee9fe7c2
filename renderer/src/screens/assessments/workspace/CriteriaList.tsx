import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maturityOffered } from '../../../../../shared/assessments/rules';
import type { AssessmentKind } from '../../../../../shared/assessments/schema';
import type { Framework } from '../../../../../shared/framework/schema';
import type { RatingAnswer } from '../../../../../shared/scoring';
import { counted, formatNumber } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { langOf, localized, programmeTitle } from '../model/text';
import type { Section, Unit } from '../model/units';
import { CriterionCard } from './CriterionCard';

interface CriteriaListProps {
  framework: Framework;
  kind: AssessmentKind;
  /** The section shown when no filter is on; null while filtering (matches from every section). */
  section: Section | null;
  units: readonly Unit[];
  current: string | null;
  readOnly: boolean;
  maturityLens: boolean;
  selfAnswers: ReadonlyMap<string, RatingAnswer> | null;
}

/** Cards rendered at first and added at a time; a long list grows as it is scrolled or walked through. */
const PAGE = 40;

/**
 * The criteria of one section, or the matches of the filters across all sections. Long lists (a large
 * framework, a broad search) are rendered in pages, so opening or filtering never builds a thousand
 * cards at once; the current criterion is always rendered.
 */
export function CriteriaList({ framework, kind, section, units, current, readOnly, maturityLens, selfAnswers }: CriteriaListProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [limit, setLimit] = useState(PAGE);
  const at = current === null ? -1 : units.findIndex((u) => u.key === current);
  const shown = Math.min(units.length, Math.max(limit, at + 1 + PAGE / 4));
  const more = units.length - shown;
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = sentinel.current;
    if (el === null || more <= 0) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setLimit(shown + PAGE), {
      rootMargin: '1200px 0px',
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [more, shown]);
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
      {units.slice(0, shown).map((unit) => (
        <CriterionCard
          key={unit.key}
          unit={unit}
          current={unit.key === current}
          readOnly={readOnly}
          maturity={maturityLens && maturityOffered(framework, unit.group.id, kind)}
          selfAnswer={selfAnswers === null ? undefined : (selfAnswers.get(unit.key) ?? null)}
          showProgramme={section === null}
        />
      ))}
      {more > 0 ? (
        <div ref={sentinel} className="criteria-list__more">
          <button type="button" onClick={() => setLimit(shown + PAGE)}>
            {t('assessments.filters.showMore', { n: formatNumber(Math.min(PAGE, more)), left: formatNumber(more) })}
          </button>
        </div>
      ) : null}
    </div>
  );
}
