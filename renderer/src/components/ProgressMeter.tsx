/** A small progress bar with its figures as text (the bar alone would say nothing to a screen reader). */
export function ProgressMeter({ value, max, label }: { value: number; max: number; label: string }) {
  const pct = max === 0 ? 0 : Math.round((100 * value) / max);
  return (
    <span className="progress-meter">
      <span className="progress" aria-hidden="true">
        <span className="progress__bar" style={{ width: `${pct}%` }} />
      </span>
      <span className="progress-meter__label">{label}</span>
    </span>
  );
}
