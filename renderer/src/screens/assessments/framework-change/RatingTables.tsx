import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Rating } from '../../../../../shared/assessments/schema';
import type { Language } from '../../../../../shared/settings/schema';
import { counted, formatNumber } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { langOf, localized, programmeTitle } from '../model/text';
import type { CarriedUnit, RatedUnit } from './change-plan';

function ratingLabel(t: TFunction, value: Rating['rating']): string {
  if (value === null) return t('assessments.rating.none');
  if (value === 'na') return t('assessments.rating.na');
  return `${formatNumber(value)} ${t(`assessments.rating.v${value}`)}`;
}

function CriterionCell({ unit, language }: { unit: RatedUnit; language: Language }) {
  return (
    <th scope="row">
      <span className="criterion__id">{unit.criterion.id}</span>{' '}
      <span lang={langOf(unit.criterion.title, language)}>{localized(unit.criterion.title, language)}</span>
    </th>
  );
}

function UnitCell({ unit, language }: { unit: RatedUnit; language: Language }) {
  const { t } = useTranslation();
  return <td>{unit.programme === null ? t('assessments.frameworkChange.institution') : programmeTitle(unit.programme, language)}</td>;
}

/** What the inspector wrote on a dropped unit, in full, so it can be copied before it is deleted. */
function WrittenCell({ unit, language }: { unit: RatedUnit; language: Language }) {
  const { t } = useTranslation();
  const r = unit.rating;
  const figures = Object.entries(r.data).map(([id, value]) => {
    const label = unit.criterion.dataFields?.find((f) => f.id === id)?.label;
    return `${label ? localized(label, language) : id} = ${String(value)}`;
  });
  const lines = [
    r.naReason.trim() !== '' ? t('assessments.frameworkChange.naReason', { text: r.naReason }) : null,
    r.note.trim() !== '' ? t('assessments.frameworkChange.note', { text: r.note }) : null,
    figures.length > 0 ? t('assessments.frameworkChange.figures', { text: figures.join('; ') }) : null,
  ].filter((line): line is string => line !== null);
  return (
    <td className="framework-change__written">
      {lines.length === 0 ? (
        <span className="secondary">{t('assessments.frameworkChange.nothingWritten')}</span>
      ) : (
        lines.map((line, i) => <p key={i}>{line}</p>)
      )}
    </td>
  );
}

/** Ratings on units the new version does not have: deleted by the move. */
export function DroppedRatings({ dropped, version }: { dropped: readonly RatedUnit[]; version: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <section aria-labelledby="framework-change-dropped" className="framework-change__block">
      <h2 id="framework-change-dropped">{t('assessments.frameworkChange.droppedHeading')}</h2>
      {dropped.length === 0 ? (
        <p>{t('assessments.frameworkChange.droppedNone')}</p>
      ) : (
        <>
          <p className="banner">{t('assessments.frameworkChange.droppedHint', { version })}</p>
          <table className="table" data-testid="dropped-ratings">
            <caption>{t('assessments.frameworkChange.droppedCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('assessments.frameworkChange.colCriterion')}</th>
                <th scope="col">{t('assessments.frameworkChange.colUnit')}</th>
                <th scope="col">{t('assessments.frameworkChange.colRating')}</th>
                <th scope="col">{t('assessments.frameworkChange.colNotes')}</th>
              </tr>
            </thead>
            <tbody>
              {dropped.map((unit) => (
                <tr key={unit.key} data-unit={unit.key}>
                  <CriterionCell unit={unit} language={language} />
                  <UnitCell unit={unit} language={language} />
                  <td>{ratingLabel(t, unit.rating.rating)}</td>
                  <WrittenCell unit={unit} language={language} />
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** Ratings that follow their criterion id; those on criteria that changed are listed. */
export function CarriedRatings({ carried, version }: { carried: readonly CarriedUnit[]; version: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const affected = carried.filter((c) => c.changes.length > 0 || c.reset !== null);
  return (
    <section aria-labelledby="framework-change-carried" className="framework-change__block">
      <h2 id="framework-change-carried">{t('assessments.frameworkChange.carriedHeading')}</h2>
      <p>
        {t('assessments.frameworkChange.carriedCount', {
          ...counted(carried.length),
          version,
          unchanged: formatNumber(carried.length - affected.length),
        })}
      </p>
      {affected.length === 0 ? (
        carried.length > 0 ? (
          <p>{t('assessments.frameworkChange.carriedNone')}</p>
        ) : null
      ) : (
        <table className="table" data-testid="carried-ratings">
          <caption>{t('assessments.frameworkChange.carriedCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('assessments.frameworkChange.colCriterion')}</th>
              <th scope="col">{t('assessments.frameworkChange.colUnit')}</th>
              <th scope="col">{t('assessments.frameworkChange.colRating')}</th>
              <th scope="col">{t('assessments.frameworkChange.colNewVersion')}</th>
            </tr>
          </thead>
          <tbody>
            {affected.map((unit) => (
              <tr key={unit.key} data-unit={unit.key}>
                <CriterionCell unit={unit} language={language} />
                <UnitCell unit={unit} language={language} />
                <td>{ratingLabel(t, unit.rating.rating)}</td>
                <td>
                  {unit.changes.map((c) => (
                    <span key={c} className={`tag framework-change__tag--${c}`}>
                      {t(c === 'reworded' ? 'assessments.frameworkChange.reworded' : 'assessments.frameworkChange.rulesChanged')}
                    </span>
                  ))}
                  {unit.reset !== null ? (
                    <p className="framework-change__reset">{t(`assessments.frameworkChange.reset.${unit.reset}`)}</p>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
