import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgrammeSnapshot } from '../../../../../shared/assessments/schema';
import { formatNumber } from '../../../format';
import { currentLanguage } from '../../../i18n';
import type { LiveScore } from '../model/live-score';
import { formatPct } from '../model/reasons';
import { localized, programmeTitle } from '../model/text';
import type { Section } from '../model/units';
import { useLive } from './use-live-score';

interface SectionNavigatorProps {
  sections: readonly Section[];
  programmes: readonly ProgrammeSnapshot[];
  live: LiveScore;
  activeId: string | null;
  onSelect: (sectionId: string) => void;
}

/**
 * Groups in working order: the institution first, then each programme's groups and sector module.
 * The navigator itself does not follow the score: each entry follows its own section's figures, so a
 * rating re-renders (and formats the progress label of) the one entry whose figures changed.
 */
export const SectionNavigator = memo(function SectionNavigator({ sections, programmes, live, activeId, onSelect }: SectionNavigatorProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const parts = useMemo(
    () =>
      [
        { id: 'institution', title: t('assessments.nav.institution'), sections: sections.filter((s) => s.programme === null) },
        ...programmes.map((p) => ({
          id: p.id,
          title: programmeTitle(p, language),
          sections: sections.filter((s) => s.programme?.id === p.id),
        })),
      ].filter((part) => part.sections.length > 0),
    [t, sections, programmes, language],
  );

  return (
    <nav className="section-nav" aria-label={t('assessments.nav.label')}>
      {parts.map((part) => (
        <div key={part.id} className="section-nav__part">
          <h2 className="section-nav__heading">{part.title}</h2>
          <ul>
            {part.sections.map((s) => (
              <NavItem key={s.id} section={s} live={live} active={s.id === activeId} onSelect={onSelect} />
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
});

interface NavItemProps {
  section: Section;
  live: LiveScore;
  active: boolean;
  onSelect: (sectionId: string) => void;
}

const NavItem = memo(function NavItem({ section: s, live, active, onSelect }: NavItemProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const stat = useLive(live, (l) => l.sectionStat(s.id));
  const answered = stat?.answered ?? 0;
  const total = stat?.total ?? 0;
  const pct = stat?.pct ?? null;
  const done = total > 0 && answered === total;
  const progress = total > 0 ? answered / total : 0;
  return (
    <li>
      <button
        type="button"
        className={`section-nav__item${done ? ' section-nav__item--done' : ''}`}
        aria-current={active ? 'true' : undefined}
        onClick={() => onSelect(s.id)}
      >
        <span className="section-nav__title">
          <span className="section-nav__id">{s.group.id}</span> {localized(s.group.title, language)}
          {s.group.kind === 'sector' ? <span className="tag">{t('assessments.nav.module')}</span> : null}
        </span>
        <span className="section-nav__meta">
          <span>{t('assessments.nav.progress', { answered: formatNumber(answered), total: formatNumber(total) })}</span>
          <span className="section-nav__pct">{formatPct(pct)}</span>
        </span>
        <span className="progress" aria-hidden="true">
          <span className="progress__bar" style={{ width: `${Math.round(progress * 100)}%` }} />
        </span>
      </button>
    </li>
  );
});
