import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format';
import type { BusySnapshot } from './use-busy';
import './busy-progress.css';

/**
 * The progress of an operation that has taken longer than a moment (see useBusy): what is happening
 * in words and a bar, filled by the share done where that is known (files attached), moving while it
 * is not (a report being signed). Screen readers hear, politely, that it started and that it finished;
 * the region stays in the page so both are heard.
 */
export function BusyProgress({ busy, className = '' }: { busy: BusySnapshot; className?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const labelId = `${id}-label`;
  const determinate = busy.done !== null && busy.total !== null && busy.total > 0;
  const pct = determinate ? Math.min(100, Math.max(0, Math.round((100 * busy.done!) / busy.total!))) : 0;
  const news = busy.shown ? busy.label : busy.finished ? t('progress.finished', { what: busy.label.replace(/…$/, '') }) : '';
  return (
    <div className={`busy-progress ${className}`.trim()}>
      {/* A live region without the status role: the screen's own status line keeps that role. */}
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {news}
      </p>
      {busy.shown ? (
        <div className="busy-progress__body" data-testid="busy-progress">
          <span id={labelId} className="busy-progress__label">
            {busy.label}
          </span>
          <span className="busy-progress__row">
            <span
              role="progressbar"
              aria-labelledby={labelId}
              aria-valuemin={determinate ? 0 : undefined}
              aria-valuemax={determinate ? 100 : undefined}
              aria-valuenow={determinate ? pct : undefined}
              className={`busy-progress__track${determinate ? '' : ' busy-progress__track--indeterminate'}`}
            >
              <span className="busy-progress__bar" style={determinate ? { width: `${pct}%` } : undefined} />
            </span>
            {determinate ? (
              <span className="busy-progress__pct" aria-hidden="true">
                {/* The sign is the same in both languages; the digits follow the user's setting. */}
                {formatNumber(pct)}%
              </span>
            ) : null}
          </span>
        </div>
      ) : null}
    </div>
  );
}
