import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSummary } from '../../../../shared/backup/schema';
import { invoke } from '../../api/client';
import { BusyProgress } from '../../components/BusyProgress';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useBusy } from '../../components/use-busy';
import { useAction } from '../../data/use-action';
import { useRequest } from '../../data/use-request';
import { counted, formatDateTime, formatNumber } from '../../format';
import { setLanguage } from '../../i18n';
import './backups.css';

/** What the confirmation dialog is asking about: both restore and delete change what is on disk. */
interface Pending {
  kind: 'restore' | 'delete';
  backup: BackupSummary;
}

/** A backup's size in megabytes to one decimal, never "0.0" for a backup that holds something. */
function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return formatNumber(bytes > 0 ? Math.max(0.1, Math.round(mb * 10) / 10) : 0);
}

/**
 * The backups of this computer's data folder: made daily and before anything that rewrites the
 * database, or now on demand. Restoring first backs up the current state, so it can be undone.
 */
export function BackupsScreen() {
  const { t } = useTranslation();
  const backups = useRequest('backups:list', {});
  const list = backups.value;
  const load = backups.reload;
  const [done, setDone] = useState('');
  const [pending, setPending] = useState<Pending | null>(null);
  const busy = useBusy();
  const action = useAction();
  const error = action.error ?? backups.error;
  const statusRef = useRef<HTMLParagraphElement>(null);

  // The outcome takes the focus so a screen reader says it and the keyboard is not left on a removed row.
  const announce = (message: string) => {
    setDone(message);
    statusRef.current?.focus();
  };

  const createNow = async () => {
    setDone('');
    const r = await action.run(() => busy.run(t('backups.creating'), () => invoke('backups:create', {})));
    if (!r.ok) return;
    await load();
    announce(t('backups.created', { when: formatDateTime(r.value.createdAt) }));
  };

  const confirm = async () => {
    if (!pending) return;
    const { kind, backup } = pending;
    setPending(null);
    setDone('');
    if (kind === 'delete') {
      const r = await action.run(() => invoke('backups:delete', { backupId: backup.id }));
      if (!r.ok) return;
      await load();
      return announce(t('backups.deleted'));
    }
    const r = await action.run(() => busy.run(t('backups.restoring'), () => invoke('backups:restore', { backupId: backup.id })));
    if (!r.ok) return;
    // The restored database may hold other settings: the screens follow them at once.
    const settings = await invoke('settings:get', {});
    if (settings.ok) setLanguage(settings.value.language);
    await load();
    announce(
      t('backups.restored', {
        when: formatDateTime(r.value.restored.createdAt),
        safety: formatDateTime(r.value.safetyBackup.createdAt),
      }),
    );
  };

  const running = busy.running;
  return (
    <section aria-labelledby="backups-heading" className="backups-screen">
      <h1 id="backups-heading">{t('backups.title')}</h1>
      <p>{t('backups.intro')}</p>
      <p className="secondary">{t('backups.policy')}</p>
      {list ? <p className="secondary backups-folder">{t('backups.folder', { folder: list.folder })}</p> : null}
      <div className="backups-actions">
        <button type="button" className="button--primary" onClick={() => void createNow()} disabled={running}>
          {t('backups.createNow')}
        </button>
      </div>
      <BusyProgress busy={busy} />
      <p ref={statusRef} tabIndex={-1} role="status" className={done ? 'banner banner--ok' : 'visually-hidden'}>
        {done}
      </p>
      <ErrorBanner error={error} />
      {list === null ? (
        <p aria-busy="true">{t('app.loading')}</p>
      ) : list.items.length === 0 ? (
        <p className="secondary">{t('backups.empty')}</p>
      ) : (
        <div className="backups-table-scroll" role="region" aria-labelledby="backups-count" tabIndex={0}>
          <table className="table backups-table" data-testid="backups-table">
            <caption id="backups-count">{t('backups.count', counted(list.items.length))}</caption>
            <thead>
              <tr>
                <th scope="col">{t('backups.colWhen')}</th>
                <th scope="col">{t('backups.colReason')}</th>
                <th scope="col" className="numeric">
                  {t('backups.colSize')}
                </th>
                <th scope="col">{t('backups.colContents')}</th>
                <th scope="col">{t('backups.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((backup) => {
                const when = formatDateTime(backup.createdAt);
                return (
                  <tr key={backup.id} data-backup-id={backup.id}>
                    <td>{when}</td>
                    <td>{t(`backups.reason.${backup.reason}`)}</td>
                    <td className="numeric">{t('backups.size', { size: megabytes(backup.sizeBytes) })}</td>
                    <td>{t('backups.contents', counted(backup.files))}</td>
                    <td>
                      <div className="backups-row-actions">
                        <button
                          type="button"
                          onClick={() => setPending({ kind: 'restore', backup })}
                          disabled={running}
                          aria-label={t('backups.restoreLabel', { when })}
                        >
                          {t('backups.restore')}
                        </button>
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => setPending({ kind: 'delete', backup })}
                          disabled={running}
                          aria-label={t('backups.deleteLabel', { when })}
                        >
                          {t('backups.delete')}
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={pending !== null}
        message={
          pending === null
            ? ''
            : t(pending.kind === 'restore' ? 'backups.restoreConfirm' : 'backups.deleteConfirm', {
                when: formatDateTime(pending.backup.createdAt),
              })
        }
        confirmLabel={pending?.kind === 'delete' ? t('backups.delete') : t('backups.restoreConfirmButton')}
        onConfirm={() => void confirm()}
        onCancel={() => setPending(null)}
      />
    </section>
  );
}
