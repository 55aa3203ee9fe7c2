import { useState } from 'react';
import type { ExportScope } from '../../../../shared/exchange/schema';
import { ExportDialog } from './ExportDialog';
import './packages.css';

/** A button that opens the export dialog for one scope (used by the workspace, the institution page and Packages). */
export function ExportPackageButton({
  scope,
  subject = '',
  label,
  className = 'button',
  disabled = false,
}: {
  scope: ExportScope;
  subject?: string;
  label: string;
  className?: string;
  disabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} disabled={disabled} onClick={() => setOpen(true)}>
        {label}
      </button>
      <ExportDialog open={open} scope={scope} subject={subject} onClose={() => setOpen(false)} />
    </>
  );
}
