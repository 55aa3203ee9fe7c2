import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictChoice, ImportOutcome, ImportRecord, PackagePreview } from '../../../../shared/exchange/schema';
import type { AppErrorData } from '../../../../shared/ipc/result';
import { PACKAGE_EXTENSION } from '../../../../shared/exchange/schema';
import { hostKind, invoke } from '../../api/client';
import { BusyProgress } from '../../components/BusyProgress';
import { useBusy } from '../../components/use-busy';
import { useAction } from '../../data/use-action';
import { useRequest } from '../../data/use-request';
import { importFolder, type FolderRow } from './folder-import';
import { FolderResults } from './FolderResults';
import { ImportHistory } from './ImportHistory';
import { ImportPreview } from './ImportPreview';
import { ImportSummary } from './ImportSummary';
import { errorLines } from './messages';
import { packageFiles, stageAndPreview, type PackageSource } from './package-import';
import { ReferenceExport } from './ReferenceExport';
import { SeveralExport } from './SeveralExport';
import './packages.css';

type View =
  | { kind: 'home' }
  | { kind: 'preview'; preview: PackagePreview; folderRow: number | null }
  | { kind: 'summary'; outcome: ImportOutcome; preview: PackagePreview; folderRow: number | null };

type Notice = { kind: 'refused'; fileName: string; error: AppErrorData } | { kind: 'cancelled' } | { kind: 'no-packages' } | null;

/** Import packages (one file, or a folder of them) with a preview before anything is written; export reference data and assessments; the import history. */
export function PackagesScreen() {
  const { t } = useTranslation();
  const [view, setView] = useState<View>({ kind: 'home' });
  const [notice, setNotice] = useState<Notice>(null);
  const applying = useAction();
  const applyError = applying.error;
  const [folder, setFolder] = useState<{ rows: FolderRow[]; finished: boolean } | null>(null);
  const historyLoad = useRequest('packages:history', {});
  // A history that cannot be read shows as empty: importing still works without it.
  const history: ImportRecord[] | null = historyLoad.value?.items ?? (historyLoad.error ? [] : null);
  const loadHistory = historyLoad.reload;
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const progress = useBusy();
  const busy = progress.running;

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const start = () => {
    setNotice(null);
    applying.setError(null);
  };

  const importOne = async (source: PackageSource) => {
    start();
    setFolder(null);
    const checked = await progress.run(t('exchange.upload.checking'), (report) =>
      stageAndPreview(t, source, (fraction, label) => report(Math.round(fraction * 100), 100, label)),
    );
    if (checked.kind === 'refused') setNotice(checked);
    else setView({ kind: 'preview', preview: checked.preview, folderRow: null });
  };

  const importMany = async (sources: PackageSource[]) => {
    start();
    setView({ kind: 'home' });
    if (sources.length === 0) return setNotice({ kind: 'no-packages' });
    setFolder({ rows: [], finished: false });
    const rows = await progress.run(t('exchange.folder.running'), (report) =>
      importFolder(t, sources, report, (next) => setFolder({ rows: next, finished: false })),
    );
    setFolder({ rows, finished: true });
    document.getElementById('folder-results-heading')?.focus();
    void loadHistory();
  };

  const chooseFile = async () => {
    if (hostKind === 'browser') return fileInput.current?.click();
    const r = await invoke('packages:open-from-dialog', { folder: false });
    if (!r.ok) return setNotice({ kind: 'refused', fileName: '', error: r.error });
    if (r.value.cancelled || r.value.uploads.length === 0) return;
    const sources = r.value.uploads.map((u): PackageSource => ({ kind: 'staged', ...u }));
    if (sources.length === 1) await importOne(sources[0]!);
    else await importMany(sources);
  };

  const chooseFolder = async () => {
    if (hostKind === 'browser') return folderInput.current?.click();
    const r = await invoke('packages:open-from-dialog', { folder: true });
    if (!r.ok) return setNotice({ kind: 'refused', fileName: '', error: r.error });
    if (r.value.cancelled) return;
    await importMany(r.value.uploads.map((u): PackageSource => ({ kind: 'staged', ...u })));
  };

  const openFolderRow = async (index: number) => {
    const row = folder?.rows[index];
    if (!row?.uploadId) return;
    start();
    const uploadId = row.uploadId;
    const checked = await progress.run(t('exchange.upload.checking'), (report) =>
      stageAndPreview(t, { kind: 'staged', uploadId, fileName: row.fileName }, (fraction, label) =>
        report(Math.round(fraction * 100), 100, label),
      ),
    );
    if (checked.kind === 'refused') {
      updateRow(index, { result: 'refused', error: checked.error, uploadId: null });
      setNotice(checked);
    } else setView({ kind: 'preview', preview: checked.preview, folderRow: index });
  };

  const updateRow = (index: number, change: Partial<FolderRow>) =>
    setFolder((f) => (f ? { ...f, rows: f.rows.map((r, i) => (i === index ? { ...r, ...change } : r)) } : f));

  const apply = async (preview: PackagePreview, folderRow: number | null, choices: ConflictChoice[]) => {
    const r = await applying.run(() =>
      progress.run(t('exchange.preview.importing'), () => invoke('packages:apply', { uploadId: preview.uploadId, choices })),
    );
    if (!r.ok) return;
    if (folderRow !== null) updateRow(folderRow, { result: 'resolved', outcome: r.value, uploadId: null });
    setView({ kind: 'summary', outcome: r.value, preview, folderRow });
    void loadHistory();
  };

  const cancel = async (preview: PackagePreview, folderRow: number | null) => {
    await invoke('packages:discard', { uploadId: preview.uploadId });
    if (folderRow !== null) updateRow(folderRow, { result: 'cancelled', uploadId: null });
    setView({ kind: 'home' });
    setNotice({ kind: 'cancelled' });
  };

  const backToFolder = (
    <button type="button" className="link-button" onClick={() => setView({ kind: 'home' })}>
      ← {t('exchange.folder.back')}
    </button>
  );

  return (
    <section aria-labelledby="packages-heading" className="packages-screen">
      <h1 id="packages-heading">{t('exchange.screen.title')}</h1>
      {view.kind === 'preview' ? (
        <>
          {view.folderRow !== null ? <p>{backToFolder}</p> : null}
          <ImportPreview
            preview={view.preview}
            busy={busy}
            onImport={(choices) => void apply(view.preview, view.folderRow, choices)}
            onCancel={() => void cancel(view.preview, view.folderRow)}
          >
            {applyError ? (
              <div className="banner banner--error" role="alert">
                <p>{t('exchange.upload.nothingChanged')}</p>
                <ul>
                  {errorLines(t, applyError).map((l) => (
                    <li key={l}>{l}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            <BusyProgress busy={progress} />
          </ImportPreview>
        </>
      ) : (
        <>
          <p className="package-intro">{t('exchange.screen.intro')}</p>
          {view.kind === 'summary' ? <ImportSummary outcome={view.outcome} changes={view.preview.changes} /> : null}
          <section className="package-panel" aria-labelledby="package-import-heading">
            <h2 id="package-import-heading">{t('exchange.screen.importHeading')}</h2>
            <p className="secondary" id="package-import-hint">
              {t('exchange.screen.importHint')}
            </p>
            <div className="package-row">
              <button
                type="button"
                className="button--primary"
                disabled={busy}
                aria-describedby="package-import-hint"
                onClick={() => void chooseFile()}
              >
                {t('exchange.screen.chooseFile')}
              </button>
              <button type="button" disabled={busy} aria-describedby="package-folder-hint" onClick={() => void chooseFolder()}>
                {t('exchange.screen.chooseFolder')}
              </button>
            </div>
            <p className="secondary" id="package-folder-hint">
              {t('exchange.screen.folderHint')}
            </p>
            {/* The browser's own picker buttons speak the browser's language: these inputs stay hidden behind the buttons above. */}
            <input
              ref={fileInput}
              type="file"
              hidden
              accept={PACKAGE_EXTENSION}
              data-testid="package-file-input"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void importOne({ kind: 'file', file });
              }}
            />
            <input
              ref={folderInput}
              type="file"
              hidden
              multiple
              {...{ webkitdirectory: '' }}
              data-testid="package-folder-input"
              onChange={(e) => {
                const files = packageFiles([...(e.target.files ?? [])]);
                e.target.value = '';
                void importMany(files.map((file): PackageSource => ({ kind: 'file', file })));
              }}
            />
            <BusyProgress busy={progress} />
            <div ref={noticeRef} tabIndex={-1} className="package-notice">
              {notice?.kind === 'refused' ? (
                <div className="banner banner--error" role="alert" data-testid="package-refused">
                  <p>
                    <strong>{t('exchange.upload.refusedTitle')}</strong>
                    {notice.fileName ? <span className="package-file-name"> ({notice.fileName})</span> : null}
                  </p>
                  <ul>
                    {errorLines(t, notice.error).map((l) => (
                      <li key={l}>{l}</li>
                    ))}
                  </ul>
                  <p>{t('exchange.upload.nothingChanged')}</p>
                </div>
              ) : notice?.kind === 'cancelled' ? (
                <p className="banner" role="status">
                  {t('exchange.upload.cancelled')}
                </p>
              ) : notice?.kind === 'no-packages' ? (
                <p className="banner" role="status">
                  {t('exchange.folder.noPackages')}
                </p>
              ) : null}
            </div>
          </section>
          {folder ? (
            <FolderResults rows={folder.rows} finished={folder.finished} busy={busy} onOpen={(i) => void openFolderRow(i)} />
          ) : null}
          <ImportHistory items={history} />
          <section className="package-panel" aria-labelledby="package-export-heading">
            <h2 id="package-export-heading">{t('exchange.screen.exportHeading')}</h2>
            <p className="secondary">{t('exchange.screen.exportHint')}</p>
            <ReferenceExport />
            <SeveralExport version={history?.length ?? 0} />
          </section>
        </>
      )}
    </section>
  );
}
