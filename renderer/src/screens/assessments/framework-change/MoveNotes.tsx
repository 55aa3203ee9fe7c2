import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { MoveField, MoveNote } from '../../../../../shared/assessments/framework-moves';
import type { ProgrammeSnapshot } from '../../../../../shared/assessments/schema';
import type { Criterion, Framework } from '../../../../../shared/framework/schema';
import type { Language } from '../../../../../shared/settings/schema';
import { formatNumber } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { langOf, localized, programmeTitle } from '../model/text';

interface MoveNotesProps {
  /** The services' own plan of the move (assessments:change-framework), unit by unit. */
  notes: readonly MoveNote[];
  current: Framework;
  target: Framework;
  programmes: readonly ProgrammeSnapshot[];
  version: string;
}

function criteriaOf(framework: Framework): Map<string, Criterion> {
  return new Map(framework.groups.flatMap((g) => g.criteria.map((c) => [c.id, c] as const)));
}

function valueText(value: MoveField['value']): string {
  if (value === null) return '—';
  return typeof value === 'number' ? formatNumber(value) : value;
}

/** One note in words: what the move does to this unit and what the inspector must do. */
function noteText(
  t: TFunction,
  note: MoveNote,
  criteria: { before: Map<string, Criterion>; after: Map<string, Criterion> },
  language: Language,
  version: string,
) {
  const k = 'assessments.frameworkChange.moves';
  // Fields are named as the version that holds them names them: the new one, or the old one for figures left behind.
  const on = note.code === 'figuresNotCarried' ? criteria.before.get(note.criterionId) : criteria.after.get(note.criterionId);
  const label = (id: string) => {
    const field = on?.dataFields?.find((f) => f.id === id);
    return field ? localized(field.label, language) : id;
  };
  const names = note.fields.map((f) => label(f.id)).join('; ');
  const values = note.fields.map((f) => `${label(f.id)} = ${valueText(f.value)}`).join('; ');
  const other = note.otherCriterionId ?? '';
  switch (note.code) {
    case 'figuresMoved':
      return t(`${k}.figuresMoved`, { from: other, list: values });
    case 'ratingToReview':
      return t(`${k}.ratingToReview.${note.why === 'processNotResult' ? 'processNotResult' : 'processNotFigures'}`);
    case 'figureToCheck':
      return t(`${k}.figureToCheck`, { list: values });
    case 'figuresToEnter':
      return t(`${k}.figuresToEnter.${note.why === 'neededToScore' ? 'neededToScore' : 'context'}`, { list: names });
    case 'figuresNotCarried':
      return t(`${k}.figuresNotCarried.${note.why === 'notApplicable' || note.why === 'alreadyRecorded' ? note.why : 'noField'}`, {
        other,
        list: values,
        version,
      });
  }
}

/**
 * What the move does beyond carrying each rating to its criterion id: figures carried to another
 * criterion field by field, figures to enter or check, ratings kept on a criterion whose meaning
 * changed, and figures with no place in the new version (with their values, to copy first).
 */
export function MoveNotes({ notes, current, target, programmes, version }: MoveNotesProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (notes.length === 0) return null;
  const criteria = { before: criteriaOf(current), after: criteriaOf(target) };
  const k = 'assessments.frameworkChange.moves';
  return (
    <section aria-labelledby="framework-change-moves" className="framework-change__block">
      <h2 id="framework-change-moves">{t(`${k}.heading`)}</h2>
      <p className="banner">{t(`${k}.intro`, { version })}</p>
      <table className="table" data-testid="move-notes">
        <caption>{t(`${k}.caption`)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('assessments.frameworkChange.colCriterion')}</th>
            <th scope="col">{t('assessments.frameworkChange.colUnit')}</th>
            <th scope="col">{t(`${k}.colWhat`)}</th>
          </tr>
        </thead>
        <tbody>
          {notes.map((note, i) => {
            const criterion =
              note.code === 'figuresNotCarried'
                ? (criteria.before.get(note.criterionId) ?? criteria.after.get(note.criterionId))
                : (criteria.after.get(note.criterionId) ?? criteria.before.get(note.criterionId));
            const programme = note.programmeId === null ? null : programmes.find((p) => p.id === note.programmeId);
            return (
              <tr key={i} data-unit={`${note.criterionId}@${note.programmeId ?? ''}`} data-code={note.code}>
                <th scope="row">
                  <span className="criterion__id">{note.criterionId}</span>{' '}
                  <span lang={langOf(criterion?.title, language)}>{localized(criterion?.title, language)}</span>
                </th>
                <td>
                  {programme === null
                    ? t('assessments.frameworkChange.institution')
                    : programme
                      ? programmeTitle(programme, language)
                      : note.programmeId}
                </td>
                <td className={`framework-change__move framework-change__move--${note.code}`}>
                  {noteText(t, note, criteria, language, version)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
