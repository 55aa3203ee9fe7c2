import { useTranslation } from 'react-i18next';
import type { LocatedProblem } from '../../../../shared/framework/located-problem';
import { placeText, problemText } from './framework-text';

/** Problems of a framework file with their places; file content is shown as text, never as markup. */
export function ProblemTable({ problems, caption, id }: { problems: LocatedProblem[]; caption: string; id: string }) {
  const { t } = useTranslation();
  return (
    <table className="table problem-table" id={id}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('frameworks.problems.colPlace')}</th>
          <th scope="col">{t('frameworks.problems.colProblem')}</th>
          <th scope="col">{t('frameworks.problems.colValue')}</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((p, i) => (
          <tr key={i}>
            <td className="problem-table__place">{placeText(t, p)}</td>
            <td>{problemText(t, p)}</td>
            <td className="problem-table__value">{p.value ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
