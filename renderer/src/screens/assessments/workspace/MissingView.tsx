import { useTranslation } from 'react-i18next';
import type { SubmissionBlocker } from '../../../../../shared/assessments/rules';
import type { AssessmentKind, ProgrammeSnapshot } from '../../../../../shared/assessments/schema';
import { counted, formatNumber } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { localized, programmeTitle } from '../model/text';
import type { WorkspaceModel } from '../model/units';

export interface MissingItem extends Pick<SubmissionBlocker, 'criterionId' | 'programmeId'> {
  code: SubmissionBlocker['code'] | 'noEvidence';
}

interface MissingViewProps {
  model: WorkspaceModel;
  kind: AssessmentKind;
  items: readonly MissingItem[];
  answered: number;
  total: number;
  programmes: readonly ProgrammeSnapshot[];
  onJump: (unitKey: string) => void;
}

/**
 * What is still to do, section by section: for the institution, before the inspection; for the
 * inspector, before submitting. The blocking items are the services' own submission checks.
 */
export function MissingView({ model, kind, items, answered, total, programmes, onJump }: MissingViewProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const blocking = items.filter((i) => i.code !== 'noEvidence').length;
  const bySection = new Map<string, MissingItem[]>();
  for (const item of items) {
    const unit = model.unitByKey.get(`${item.criterionId}@${item.programmeId ?? ''}`);
    if (unit === undefined) continue;
    const list = bySection.get(unit.sectionId) ?? [];
    list.push(item);
    bySection.set(unit.sectionId, list);
  }
  const pct = total === 0 ? 100 : Math.floor((100 * answered) / total);
  return (
    <section className="missing-view" aria-labelledby="missing-heading">
      <h2 id="missing-heading">{kind === 'self-assessment' ? t('assessments.missing.titleSelf') : t('assessments.missing.title')}</h2>
      <div className="missing-view__progress">
        <span className="progress progress--large" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={answered}>
          <span className="progress__bar" style={{ width: `${pct}%` }} />
        </span>
        <span>
          {t('assessments.missing.progress', { answered: formatNumber(answered), total: formatNumber(total), pct: formatNumber(pct) })}
        </span>
      </div>
      {blocking === 0 ? (
        <p className="banner banner--ok">
          {kind === 'self-assessment' ? t('assessments.missing.readySelf') : t('assessments.missing.ready')}
        </p>
      ) : (
        <p>{t('assessments.missing.count', counted(blocking))}</p>
      )}
      {model.sections
        .filter((s) => bySection.has(s.id))
        .map((s) => (
          <div key={s.id} className="missing-view__section">
            <h3>
              {s.group.id} {localized(s.group.title, language)}
              {s.programme ? <span className="secondary"> · {programmeTitle(s.programme, language)}</span> : null}
            </h3>
            <ul>
              {bySection.get(s.id)!.map((item) => {
                const unit = model.unitByKey.get(`${item.criterionId}@${item.programmeId ?? ''}`)!;
                return (
                  <li key={`${unit.key}-${item.code}`} className={item.code === 'noEvidence' ? 'missing--soft' : undefined}>
                    <button type="button" className="link-button" onClick={() => onJump(unit.key)}>
                      {unit.criterion.id} {localized(unit.criterion.title, language)}
                    </button>{' '}
                    <span className="secondary">— {t(`assessments.missing.${item.code}`)}</span>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      {programmes.length === 0 ? null : <p className="field__hint">{t('assessments.missing.hint')}</p>}
    </section>
  );
}
