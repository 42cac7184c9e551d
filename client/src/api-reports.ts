/**
 * Reports and open exports of a case (issue 10), as the client asks for them: a report is started as a
 * job and followed for the progress bar; the files themselves are fetched by plain GET links (the
 * server names them), except the certificate, fetched here so its SHA-256 can be shown beside it.
 */
import { ApiError, getJson, postJson } from './api.js';

export const EXPORT_FORMATS = [
  ['gexf', 'GEXF'],
  ['graphml', 'GraphML'],
  ['anx', 'i2 ANX'],
  ['csv', 'CSV'],
  ['json', 'JSON'],
] as const;

export interface ReportJob {
  job: string;
  state: 'running' | 'done' | 'failed';
  stage: string;
  progress: number;
  reference?: string;
  sha256?: string;
  error?: { code: string; message: string };
}

function asJob(body: unknown): ReportJob {
  const b = body as Partial<ReportJob> | null;
  if (!b || typeof b.job !== 'string' || typeof b.progress !== 'number')
    throw new ApiError('The server sent a report job this page cannot read.', 'BAD_RESPONSE', 200, undefined);
  return b as ReportJob;
}

export async function startReport(
  caseId: string,
  asked: { court: string; preparedBy: string },
  csrfToken: string,
): Promise<ReportJob> {
  const body = {
    court: asked.court,
    ...(asked.preparedBy ? { preparedBy: asked.preparedBy } : {}),
    async: true,
  };
  return asJob(await postJson(`/api/cases/${encodeURIComponent(caseId)}/report`, body, csrfToken));
}

export async function reportJob(job: string): Promise<ReportJob> {
  return asJob(await getJson(`/api/reports/jobs/${encodeURIComponent(job)}`));
}

export const reportPdfUrl = (job: string) => `/api/reports/jobs/${encodeURIComponent(job)}/pdf`;

export const exportUrl = (caseId: string, format: string) =>
  `/api/cases/${encodeURIComponent(caseId)}/export?format=${encodeURIComponent(format)}`;

export interface FetchedFile {
  blob: Blob;
  name: string;
  sha256: string;
}

/** The draft BSA s.63 certificate of a report, with its file name and the SHA-256 the trail records. */
export async function fetchCertificate(reference: string): Promise<FetchedFile> {
  let response: Response;
  try {
    response = await fetch(`/api/reports/certificate?reference=${encodeURIComponent(reference)}`, {
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError('The CaseGraph server could not be reached.', 'NETWORK', undefined, undefined);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code: string; message: string; requestId?: string };
    } | null;
    throw new ApiError(
      body?.error?.message ?? `The server answered ${response.status}.`,
      body?.error?.code ?? 'BAD_RESPONSE',
      response.status,
      body?.error?.requestId,
    );
  }
  const name =
    /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'certificate.pdf';
  return { blob: await response.blob(), name, sha256: response.headers.get('X-Report-Sha256') ?? '' };
}
