/** What the report's render worker (render-worker.ts) sends back to the service's thread. */
export type RenderMessage =
  | { type: 'progress'; stage: string; fraction: number }
  | {
      type: 'done';
      pdf: Uint8Array;
      sha256: string;
      reference: string;
      contentDigest: string;
      pages: number;
    }
  | { type: 'failed'; message: string };
