/** Backups and restore (renderer/src/screens/backups), and the refusals of the backup service and of full or read-only disks. */
export const backupEn = {
  nav: 'Backups',
  title: 'Backups',
  intro:
    'A backup is a copy of everything saved on this computer: the database, the evidence files and the signed reports. One is made automatically every day while the app runs, and just before an upgrade, a package import or a restore.',
  folder: 'Backups are kept in {{folder}}.',
  policy:
    'Kept: the daily backups of the last 7 days with backups and of the last 4 weeks; the 5 newest of each kind made before an upgrade, an import or a restore; backups made with “Back up now” until you delete them.',
  createNow: 'Back up now',
  creating: 'Making a backup…',
  created: 'Backup made: {{when}}.',
  empty: 'No backups yet. The first one is made automatically, or now with “Back up now”.',
  count_one: '{{n}} backup',
  count_other: '{{n}} backups',
  colWhen: 'Made',
  colReason: 'Why',
  colSize: 'Size',
  colContents: 'Contents',
  colActions: 'Actions',
  reason: {
    scheduled: 'Daily (automatic)',
    manual: 'Made with “Back up now”',
    'before-migration': 'Before an upgrade',
    'before-import': 'Before a package import',
    'before-restore': 'Before a restore',
  },
  size: '{{size}} MB',
  contents_one: 'Database and {{n}} file',
  contents_other: 'Database and {{n}} files',
  restore: 'Restore',
  restoreLabel: 'Restore the backup made {{when}}',
  restoreConfirm:
    'Restore the backup made {{when}}? Everything saved after it is replaced by the backup. The current state is backed up first (“Before a restore”), so you can go back to it.',
  restoreConfirmButton: 'Back up the current state and restore',
  restoring: 'Backing up the current state and restoring…',
  restored: 'The backup made {{when}} is restored. The state before it is kept as the backup made {{safety}}.',
  delete: 'Delete',
  deleteLabel: 'Delete the backup made {{when}}',
  deleteConfirm: 'Delete the backup made {{when}}? Evidence files and reports still in use are not affected.',
  deleted: 'Backup deleted.',
  refused: {
    diskFull: 'The disk is full: nothing already saved was lost. Free some space on the disk and try again.',
    readOnly:
      'The data folder cannot be written to (the disk or folder is read-only, or not yours): nothing already saved was lost. Check the folder and try again.',
    notFound: 'There is no backup {{id}} in the backups folder.',
    damagedManifest: 'This backup’s description (manifest.json) is missing or unreadable. It was not restored and nothing was changed.',
    damagedDatabase:
      'This backup’s copy of the database is damaged (it fails the integrity check or its checksum). It was not restored and nothing was changed.',
    damagedFile: 'The file {{file}} in this backup is missing or damaged. It was not restored and nothing was changed.',
    newer:
      'This backup was made by a newer version of TVET Inspector (schema {{found}}; this version understands up to {{latest}}). It was not restored.',
    busy: 'The app is still busy with another task. Nothing was restored; try again in a moment.',
    notHere: 'Restoring needs the app to reopen its database, which is not possible here. Nothing was restored.',
    reopenFailed: 'The restored data could not be opened, so the state before the restore was put back. Nothing was lost.',
  },
};
