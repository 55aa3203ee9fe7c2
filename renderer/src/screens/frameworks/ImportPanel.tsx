import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileCheckResult, FrameworkFileInput, FrameworkVersionSummary } from '../../../../shared/framework/contract';
import { invoke } from '../../api/client';
import { BusyProgress } from '../../components/BusyProgress';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useBusy } from '../../components/use-busy';
import { useAction } from '../../data/use-action';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { href } from '../../router';
import { readFileAsBase64 } from './files';
import { ProblemTable } from './ProblemTable';

type State =
  | { step: 'idle' }
  | { step: 'checking'; fileName: string }
  | { step: 'checked'; file: FrameworkFileInput; check: FileCheckResult }
  | { step: 'importing'; file: FrameworkFileInput; check: FileCheckResult }
  | { step: 'done'; summary: FrameworkVersionSummary; status: 'imported' | 'unchanged' };

/**
 * Choosing a file checks it at once and shows every problem with its place; the import button appears
 * only for a file without errors, and the services refuse a file with errors on their own as well.
 */
export function ImportPanel({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ step: 'idle' });
  // The services' refusal of the file (check or import); a file that cannot be read at all is a `note`.
  const { error, setError } = useAction();
  const [note, setNote] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState('');
  // Reading, checking and importing a large workbook each take a moment.
  const progress = useBusy();

  const choose = async (file: File | undefined) => {
    setError(null);
    setNote(null);
    if (!file) return setState({ step: 'idle' });
    setState({ step: 'checking', fileName: file.name });
    const checked = await progress.run(t('frameworks.import.checking', { file: file.name }), async () => {
      try {
        const request = { fileName: file.name, contentBase64: await readFileAsBase64(file) };
        return { request, r: await invoke('frameworks:check-file', request) };
      } catch (e) {
        return { unreadable: e };
      }
    });
    if ('unreadable' in checked) {
      setState({ step: 'idle' });
      return setNote(checked.unreadable instanceof RangeError ? t('frameworks.import.tooLarge') : t('frameworks.import.unreadable'));
    }
    const { request, r } = checked;
    if (!r.ok) {
      setState({ step: 'idle' });
      return setError(r.error);
    }
    setState({ step: 'checked', file: request, check: r.value });
  };

  const runImport = async () => {
    if (state.step !== 'checked') return;
    setState({ ...state, step: 'importing' });
    const r = await progress.run(t('frameworks.import.importing', { file: state.file.fileName }), () =>
      invoke('frameworks:import-file', state.file),
    );
    if (!r.ok) {
      setState({ ...state, step: 'checked' });
      return setError(r.error);
    }
    setState({ step: 'done', summary: r.value.summary, status: r.value.status });
    if (input.current) input.current.value = '';
    setChosen('');
    onImported();
  };

  const bn = currentLanguage() === 'bn';
  const check = state.step === 'checked' || state.step === 'importing' ? state.check : null;
  const fileName = state.step === 'checked' || state.step === 'importing' ? state.file.fileName : '';
  const preview = check?.preview ?? null;
  const previewTitle = preview ? (bn && preview.titleBn ? preview.titleBn : preview.titleEn) : '';

  return (
    <section className="panel" aria-labelledby="framework-import-heading">
      <h2 id="framework-import-heading">{t('frameworks.import.heading')}</h2>
      <p className="secondary" id="framework-import-hint">
        {t('frameworks.import.hint')}
      </p>
      <div className="field">
        {/* The native picker's own button text follows the browser's language, not the app's; so the
            input stays in the tab order but is drawn as a labelled button in the UI language. */}
        <span className="field-label" id="framework-file-label">
          {t('frameworks.import.file')}
        </span>
        <div className="file-picker">
          <input
            ref={input}
            id="framework-file"
            type="file"
            className="file-picker__input"
            accept=".json,.xlsx,.csv,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-labelledby="framework-file-label"
            aria-describedby="framework-import-hint framework-file-chosen"
            disabled={progress.running}
            onChange={(e) => {
              const file = e.target.files?.[0];
              setChosen(file?.name ?? '');
              void choose(file);
            }}
          />
          <label htmlFor="framework-file" className="button" aria-hidden="true">
            {t('frameworks.import.choose')}
          </label>
          <span id="framework-file-chosen" className="secondary">
            {chosen || t('frameworks.import.noFile')}
          </span>
        </div>
      </div>
      <BusyProgress busy={progress} />
      <div aria-live="polite">
        {note ? <p className="banner banner--error">{note}</p> : null}
        {state.step === 'done' ? (
          <p className="banner banner--ok" role="status">
            {state.status === 'imported'
              ? t('frameworks.import.imported', {
                  title: bn && state.summary.titleBn ? state.summary.titleBn : state.summary.titleEn,
                  version: state.summary.version,
                })
              : t('frameworks.import.unchanged')}{' '}
            <a href={href({ name: 'framework', id: state.summary.id })}>{t('frameworks.import.open')}</a>
          </p>
        ) : null}
      </div>
      <ErrorBanner error={error} />
      {check && check.errors.length > 0 ? (
        <div className="banner banner--error" role="alert">
          <p>{t('frameworks.import.errors', { count: formatNumber(check.errors.length) })}</p>
        </div>
      ) : null}
      {check && check.errors.length > 0 ? (
        <ProblemTable id="framework-import-errors" problems={check.errors} caption={t('frameworks.problems.caption', { file: fileName })} />
      ) : null}
      {preview && check?.ok ? (
        <div className="import-ready">
          {preview.existing === 'conflict' ? (
            <p className="banner banner--error" role="alert">
              {t('frameworks.import.conflict', { version: preview.version, id: preview.frameworkId })}
            </p>
          ) : preview.existing === 'same' ? (
            <p className="banner">{t('frameworks.import.unchanged')}</p>
          ) : (
            <p className="banner banner--ok">
              {t('frameworks.import.ready', {
                title: previewTitle,
                version: preview.version,
                criteria: formatNumber(preview.criteria),
                groups: formatNumber(preview.groups),
              })}
            </p>
          )}
          {preview.existing === 'new' ? (
            <button type="button" className="button--primary" disabled={progress.running} onClick={() => void runImport()}>
              {t('frameworks.import.button')}
            </button>
          ) : null}
        </div>
      ) : null}
      {check && check.warnings.length > 0 ? (
        <details className="warnings">
          <summary>{t('frameworks.import.warnings', { count: formatNumber(check.warnings.length) })}</summary>
          <ProblemTable
            id="framework-import-warnings"
            problems={check.warnings}
            caption={t('frameworks.problems.warningsCaption', { file: fileName })}
          />
        </details>
      ) : null}
    </section>
  );
}
