import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { divisions } from '../../../../shared/institutions/reference-data';
import { ExportPackageButton } from './ExportPackageButton';

/** Head office's reference package: frameworks, trusted roots and the registry (all of it, or one division's part). */
export function ReferenceExport() {
  const { t } = useTranslation();
  const [division, setDivision] = useState('');
  return (
    <section className="package-subsection" aria-labelledby="reference-export-heading">
      <h3 id="reference-export-heading">{t('exchange.reference.heading')}</h3>
      <p className="secondary">{t('exchange.reference.hint')}</p>
      <div className="package-row">
        <div className="field">
          <label htmlFor="reference-division">{t('exchange.reference.division')}</label>
          <select id="reference-division" value={division} onChange={(e) => setDivision(e.target.value)}>
            <option value="">{t('exchange.reference.allDivisions')}</option>
            {divisions.map((d) => (
              <option key={d} value={d}>
                {t(`division.${d}`)}
              </option>
            ))}
          </select>
        </div>
        <ExportPackageButton
          scope={{ kind: 'reference', division: division === '' ? null : division }}
          subject={division === '' ? t('exchange.reference.allDivisions') : t(`division.${division}`)}
          label={t('exchange.reference.button')}
          className="button button--primary"
        />
      </div>
    </section>
  );
}
