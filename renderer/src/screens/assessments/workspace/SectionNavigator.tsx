import { useTranslation } from 'react-i18next';
import type { ProgrammeSnapshot } from '../../../../../shared/assessments/schema';
import { formatNumber } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { formatPct } from '../model/reasons';
import { localized, programmeTitle } from '../model/text';
import type { Section } from '../model/units';
import type { SectionStat } from './section-stats';

interface SectionNavigatorProps {
  sections: readonly Section[];
  programmes: readonly ProgrammeSnapshot[];
  stats: ReadonlyMap<string, SectionStat>;
  activeId: string | null;
  onSelect: (sectionId: string) => void;
}

/** Groups in working order: the institution first, then each programme's groups and sector module. */
export function SectionNavigator({ sections, programmes, stats, activeId, onSelect }: SectionNavigatorProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const parts: { id: string; title: string; sections: Section[] }[] = [
    { id: 'institution', title: t('assessments.nav.institution'), sections: sections.filter((s) => s.programme === null) },
    ...programmes.map((p) => ({
      id: p.id,
      title: programmeTitle(p, language),
      sections: sections.filter((s) => s.programme?.id === p.id),
    })),
  ].filter((part) => part.sections.length > 0);

  return (
    <nav className="section-nav" aria-label={t('assessments.nav.label')}>
      {parts.map((part) => (
        <div key={part.id} className="section-nav__part">
          <h2 className="section-nav__heading">{part.title}</h2>
          <ul>
            {part.sections.map((s) => {
              const stat = stats.get(s.id);
              const done = stat !== undefined && stat.total > 0 && stat.answered === stat.total;
              const progress = stat && stat.total > 0 ? stat.answered / stat.total : 0;
              return (
                <li key={s.id}>
                  <button
                    type="button"
                    className={`section-nav__item${done ? ' section-nav__item--done' : ''}`}
                    aria-current={s.id === activeId ? 'true' : undefined}
                    onClick={() => onSelect(s.id)}
                  >
                    <span className="section-nav__title">
                      <span className="section-nav__id">{s.group.id}</span> {localized(s.group.title, language)}
                      {s.group.kind === 'sector' ? <span className="tag">{t('assessments.nav.module')}</span> : null}
                    </span>
                    <span className="section-nav__meta">
                      <span>
                        {t('assessments.nav.progress', {
                          answered: formatNumber(stat?.answered ?? 0),
                          total: formatNumber(stat?.total ?? 0),
                        })}
                      </span>
                      <span className="section-nav__pct">{formatPct(stat?.pct)}</span>
                    </span>
                    <span className="progress" aria-hidden="true">
                      <span className="progress__bar" style={{ width: `${Math.round(progress * 100)}%` }} />
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
