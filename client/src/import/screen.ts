/**
 * The import screen's state and steps: a file is chosen; a table file is previewed by the server with
 * the officer's corrections (layout, delimiter, date order, column → field) until it reads right; then
 * imported as a job whose progress is polled; the summary leads into the network view. A JSON batch is
 * previewed here and sent whole to POST /api/ingest. The panels draw; this decides what is drawn.
 * `data-step` on the screen says where it is, for the officer's eye (styles) and the browser tests.
 */
import { ApiError } from '../api.js';
import type { CaseSummary } from '../api-reads.js';
import { el, button } from '../panels/dom.js';
import { dropZone } from '../panels/import-file.js';
import { columnsSection, type ColumnRow } from '../panels/import-columns.js';
import { batchSection, previewSection, type BatchLike } from '../panels/import-preview.js';
import { progressSection, runSection, summarySection, type SummaryView } from '../panels/import-run.js';
import { errorBox } from '../panels/import-error.js';
import { readHeaderAt } from './file-head.js';
import {
  fetchJob,
  fetchMappings,
  fetchTemplates,
  ingestBatch,
  previewFile,
  saveMapping,
  startImport,
  type ImportJob,
  type Preview,
  type ReadSettings,
  type RunSettings,
  type SavedMapping,
  type Template,
} from './import-api.js';
import {
  assign,
  fieldLabel,
  mainIdentifier,
  mappedColumns,
  recognised,
  templateOfMissing,
  type Corrections,
} from './mapping.js';

type Step = 'choose' | 'previewing' | 'preview' | 'unreadable' | 'running' | 'done' | 'failed';

export interface ScreenOptions {
  root: HTMLElement;
  csrfToken: string;
  /** An admin may import evidence of no case. */
  admin: boolean;
  cases: CaseSummary[];
  onClose: () => void;
  onWritten: () => void;
  /** Into the network view: the case (its id, or 'all') and, perhaps, a number to search for. */
  onOpen: (scope: string, find?: string) => void;
}

const POLL_MS = 250;
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const isBatch = (file: File) => /\.json$/i.test(file.name) || file.type === 'application/json';

export class ImportScreen {
  private templates: Template[] = [];
  private mappings: SavedMapping[] = [];
  private file: File | undefined;
  private batch: BatchLike | undefined;
  private read: ReadSettings = {};
  private corrections: Corrections = {};
  private preview: Preview | undefined;
  private heads: { headers: string[]; sample: string[] } | undefined;
  private problem: unknown;
  private note: string | undefined;
  private run: Omit<RunSettings, 'name'> = { mode: 'all-or-nothing', grading: 'F6' };
  private job: ImportJob | undefined;
  private summary: SummaryView | undefined;
  private step: Step = 'choose';
  /** The job went through a checking pass before writing: its bar runs twice. */
  private checked = false;
  /** Bumped per preview asked for, so a slow answer to an old question is dropped. */
  private asked = 0;

  constructor(private readonly o: ScreenOptions) {
    if (!o.admin && o.cases.length === 1) this.run.case = o.cases[0]!.label;
  }

  async start(): Promise<void> {
    this.render();
    try {
      [this.templates, this.mappings] = await Promise.all([fetchTemplates(), fetchMappings()]);
    } catch (error) {
      this.problem = error;
    }
    this.render();
  }

  private reset(): void {
    Object.assign(this, { file: undefined, batch: undefined, preview: undefined, heads: undefined });
    Object.assign(this, { problem: undefined, note: undefined, job: undefined, summary: undefined });
    this.read = {};
    this.corrections = {};
    this.step = 'choose';
    this.checked = false;
    this.render();
  }

  private async choose(file: File): Promise<void> {
    this.reset();
    this.file = file;
    if (!isBatch(file)) return this.refresh();
    try {
      const parsed = JSON.parse(await file.text()) as unknown;
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new Error('The file is JSON but not an ingest batch: it must be one object.');
      this.batch = parsed as BatchLike;
      this.step = 'preview';
    } catch (error) {
      this.problem =
        error instanceof SyntaxError ? new Error(`The file is not valid JSON: ${error.message}`) : error;
      this.step = 'unreadable';
    }
    this.render();
  }

  private settings(): ReadSettings {
    return Object.keys(this.corrections).length ? { ...this.read, columns: this.corrections } : this.read;
  }

  private async refresh(): Promise<void> {
    const file = this.file;
    if (!file) return;
    const asked = ++this.asked;
    this.step = 'previewing';
    this.render();
    try {
      const preview = await previewFile(file, this.settings(), this.o.csrfToken);
      if (asked !== this.asked) return;
      Object.assign(this, { preview, heads: undefined, problem: undefined, step: 'preview' });
    } catch (error) {
      if (asked !== this.asked) return;
      Object.assign(this, { preview: undefined, heads: undefined, problem: error, step: 'unreadable' });
      if (error instanceof ApiError && error.code === 'IMPORT.MISSING_COLUMN') {
        // The officer can map the missing column by hand: the screen needs the file's own headers.
        this.heads = await readHeaderAt(file, error.issues[0]?.row ?? 1);
        this.read.template ??= templateOfMissing(error.issues, this.templates)?.id;
      }
    }
    this.render();
  }

  private template(): Template | undefined {
    const id = this.read.template ?? this.preview?.template.id;
    return this.templates.find((t) => t.id === id);
  }

  private columnRows(): { rows: ColumnRow[]; missing: string[] } {
    const p = this.preview;
    if (p) {
      const rows = p.columns.map((c, i) => ({
        header: c.header,
        field: c.field,
        sample: p.rows[0]?.fields[i],
      }));
      return { rows, missing: p.unmatched.filter((f) => f.required).map(fieldLabel) };
    }
    if (!this.heads) return { rows: [], missing: [] };
    const { headers, sample } = this.heads;
    const read = this.headsRead();
    const fieldOf = (h: string) => Object.entries(read).find(([, v]) => v === h)?.[0];
    const rows = headers.map((header, i) => ({ header, field: fieldOf(header), sample: sample[i] }));
    const missing = (this.template()?.fields ?? [])
      .filter((f) => f.required && !read[f.field])
      .map(fieldLabel);
    return { rows, missing };
  }

  /** What each field is read from: the server's answer, or, for a file it could not map, its headers. */
  private headsRead(): Corrections {
    if (this.preview) return mappedColumns(this.preview);
    const read = { ...recognised(this.heads?.headers ?? [], this.template()), ...this.corrections };
    for (const [field, header] of Object.entries(read)) if (!header) delete read[field];
    return read;
  }

  private async save(name: string): Promise<void> {
    const template = this.template();
    if (!template) {
      this.note = 'Pick the layout before saving a mapping.';
      return this.render();
    }
    const columns = this.preview ? mappedColumns(this.preview) : this.corrections;
    try {
      this.mappings = await saveMapping(
        {
          name,
          template: template.id,
          columns,
          ...(this.read.delimiter ? { delimiter: this.read.delimiter } : {}),
          ...(this.read.dateOrder ? { dateOrder: this.read.dateOrder } : {}),
        },
        this.o.csrfToken,
      );
      this.read.mapping = name;
      this.note = `Saved as "${name}" for your unit: pick it under "Your unit's saved mappings" for the next file.`;
    } catch (error) {
      this.note = `Not saved: ${error instanceof ApiError ? error.message : String(error)}`;
    }
    this.render();
  }

  private blocked(): string | undefined {
    if (this.step === 'previewing') return 'Reading the first rows…';
    if (this.step !== 'preview') return 'The file must read right in the preview first.';
    if (!this.batch && !this.o.admin && !this.run.case) return 'Choose the case the evidence belongs to.';
    return undefined;
  }

  private async go(): Promise<void> {
    const file = this.file;
    if (!file || this.blocked()) return;
    this.problem = undefined;
    this.checked = false;
    this.job = undefined;
    try {
      if (this.batch) {
        this.step = 'running';
        this.render();
        const counts = await ingestBatch(this.batch, this.o.csrfToken);
        this.o.onWritten();
        return this.finish({
          counts,
          records: { entities: this.batch.entities ?? [], links: this.batch.links ?? [] },
        });
      }
      this.job = await startImport(file, this.settings(), { ...this.run, name: file.name }, this.o.csrfToken);
      this.step = 'running';
      this.render();
      while (this.job.state === 'queued' || this.job.state === 'running') {
        await sleep(POLL_MS);
        this.job = await fetchJob(this.job.id);
        if (this.job.progress.phase === 'checking') this.checked = true;
        this.render();
      }
      const { error, result } = this.job;
      if (error) throw new ApiError(error.message, error.code, 422, undefined, error.issues);
      this.o.onWritten();
      this.finish({
        counts: result!.counts,
        rows: { read: result!.rowsRead, accepted: result!.rowsAccepted, rejected: result!.rowsRejected },
        records: this.preview?.records ?? { entities: [], links: [] },
      });
    } catch (error) {
      this.problem = error;
      this.step = 'failed';
      this.render();
    }
  }

  private finish(r: Pick<SummaryView, 'counts' | 'rows'> & { records: Preview['records'] }): void {
    const caseLabel = this.batch ? this.batch.document?.case : this.run.case;
    const scope = this.o.cases.find((c) => c.label === caseLabel)?.id ?? 'all';
    this.summary = {
      name: this.file!.name,
      counts: r.counts,
      ...(r.rows ? { rows: r.rows } : {}),
      rejectedUrl: this.job?.rejectedUrl,
      caseLabel,
      find: mainIdentifier(r.records)?.key.replace(/^'/, ''),
      onOpen: (find) => this.o.onOpen(scope, find),
      onAnother: () => this.reset(),
    };
    this.step = 'done';
    this.render();
  }

  private render(): void {
    const { root } = this.o;
    root.dataset.step = this.step;
    const close = button('Back to the network', () => this.o.onClose(), { className: 'small-button' });
    close.id = 'import-close';
    const parts: (Node | null)[] = [
      el(
        'header',
        { className: 'import-head' },
        el('h1', { className: 'import-title', text: 'Import a file' }),
        close,
      ),
      el(
        'section',
        { className: 'import-step', attrs: { id: 'import-choose' } },
        el('h2', { className: 'import-step-title', text: '1. File' }),
        dropZone((f) => void this.choose(f), this.file),
      ),
    ];
    const working = this.step === 'running' || this.step === 'done';
    // What stops the file being read comes first, under the file; the columns to correct it follow.
    if (this.problem && this.step !== 'failed')
      parts.push(errorBox(this.problem, 'The file cannot be previewed', false));
    if (this.file && !this.batch && !working && this.step !== 'failed') {
      const { rows, missing } = this.columnRows();
      parts.push(
        columnsSection({
          templates: this.templates,
          mappings: this.mappings,
          read: this.read,
          template: this.template(),
          recognised: this.preview?.template.label,
          delimiterFound: this.preview?.delimiter,
          columns: rows,
          missing,
          note: this.note,
          onRead: (change) => {
            if ('template' in change || 'mapping' in change) this.corrections = {};
            this.read = { ...this.read, ...change };
            void this.refresh();
          },
          onColumn: (header, field) => {
            this.corrections = assign(this.corrections, this.headsRead(), header, field);
            void this.refresh();
          },
          onSave: (name) => void this.save(name),
        }),
      );
    }
    if (this.step === 'previewing')
      parts.push(el('p', { className: 'import-wait', text: 'Reading the first rows…' }));
    if (!working && this.step !== 'failed') {
      // While a correction is read, the last preview stays, greyed, so the page does not jump.
      if (this.preview) {
        const preview = previewSection(this.preview);
        preview.classList.toggle('is-stale', this.step === 'previewing');
        parts.push(preview);
      }
      if (this.batch) parts.push(batchSection(this.batch));
      if (this.file)
        parts.push(
          runSection({
            number: this.batch ? 3 : 4,
            cases: this.o.cases,
            caseOptional: this.o.admin,
            batch: !!this.batch,
            run: this.run,
            blocked: this.blocked(),
            onChange: (change) => {
              this.run = { ...this.run, ...change };
              this.render();
            },
            onRun: () => void this.go(),
          }),
        );
    }
    if (this.job && (working || this.step === 'failed')) parts.push(progressSection(this.job, this.checked));
    if (this.step === 'running' && this.batch)
      parts.push(el('p', { className: 'import-wait', text: 'Writing the batch…' }));
    if (this.step === 'done' && this.summary) parts.push(summarySection(this.summary));
    if (this.step === 'failed') {
      const back = button(
        'Back to the preview',
        () => {
          if (!this.batch) return void this.refresh();
          this.step = 'preview';
          this.render();
        },
        { className: 'small-button' },
      );
      back.id = 'import-back';
      parts.push(errorBox(this.problem, 'The import failed'), el('div', { className: 'import-go' }, back));
    }
    root.replaceChildren(...parts.filter((p): p is Node => !!p));
  }
}
