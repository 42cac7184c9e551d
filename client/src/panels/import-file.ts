/**
 * Where a file is dropped or picked. The input is a real file input inside a label, so the keyboard and
 * the browser's own picker work; dropping anywhere on the zone does the same.
 */
import { el } from './dom.js';

const ACCEPT = '.csv,.txt,.tsv,.xlsx,.json,text/csv,application/json';
const size = (n: number) =>
  n < 1024
    ? `${n} bytes`
    : n < 1_048_576
      ? `${(n / 1024).toFixed(1)} KiB`
      : `${(n / 1_048_576).toFixed(1)} MiB`;

export function dropZone(onFile: (file: File) => void, chosen?: File): HTMLElement {
  const input = el('input', { attrs: { type: 'file', id: 'import-file', accept: ACCEPT } });
  input.className = 'visually-hidden';
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) onFile(file);
  });
  const zone = el(
    'label',
    { className: 'drop-zone', attrs: { for: 'import-file' } },
    input,
    el('strong', { text: chosen ? chosen.name : 'Drop a file here, or click to choose one' }),
    el('span', {
      className: 'muted',
      text: chosen
        ? `${size(chosen.size)} · drop or choose another file to replace it`
        : 'CDR, tower dump, IPDR, bank statement or hotel register as CSV or Excel (.xlsx); or an ingest batch (.json)',
    }),
  );
  if (chosen) zone.classList.add('has-file');
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('dragging');
    const file = e.dataTransfer?.files[0];
    if (file) onFile(file);
  });
  return zone;
}
