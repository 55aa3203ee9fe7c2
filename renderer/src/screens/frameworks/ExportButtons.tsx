import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileFormat } from '../../../../shared/framework/check-file';
import { invoke } from '../../api/client';
import { BusyProgress } from '../../components/BusyProgress';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useBusy } from '../../components/use-busy';
import { useAction } from '../../data/use-action';
import { saveBase64 } from '../../files';

const formats: FileFormat[] = ['json', 'xlsx', 'csv'];

/** JSON, XLSX and CSV downloads of one stored version. */
export function ExportButtons({ id, title, version }: { id: string; title: string; version: string }) {
  const { t } = useTranslation();
  // A spreadsheet of a large framework is built in the services and can take a while.
  const progress = useBusy();
  const { error, run } = useAction();
  const [saved, setSaved] = useState<string | null>(null);

  const download = async (format: FileFormat) => {
    setSaved(null);
    const r = await run(() =>
      progress.run(t('frameworks.exporting.working', { format: format.toUpperCase() }), () => invoke('frameworks:export', { id, format })),
    );
    if (!r.ok) return;
    saveBase64(r.value.contentBase64, r.value.fileName, r.value.mediaType);
    setSaved(r.value.fileName);
  };

  return (
    <div className="export-buttons">
      <div className="button-group" role="group" aria-label={t('frameworks.exporting.label')}>
        {formats.map((format) => (
          <button
            key={format}
            type="button"
            disabled={progress.running}
            aria-label={t('frameworks.exporting.asFor', { title, version, format: format.toUpperCase() })}
            onClick={() => void download(format)}
          >
            {format.toUpperCase()}
          </button>
        ))}
      </div>
      <BusyProgress busy={progress} />
      <p className="export-status" aria-live="polite">
        {saved ? t('frameworks.exporting.done', { file: saved }) : ''}
      </p>
      <ErrorBanner error={error} />
    </div>
  );
}
