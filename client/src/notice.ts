/**
 * The message that takes the graph's place when there is nothing to draw: the API failed, or the
 * store is empty. Text goes in through textContent only, so what a server says cannot become markup.
 */
import { ApiError } from './api.js';

export interface Notice {
  tone: 'error' | 'info';
  title: string;
  detail: string;
  /** Shown so an officer can quote it to the administrator. */
  requestId?: string | undefined;
}

export function showNotice(element: HTMLElement, notice: Notice): void {
  element.className = `notice notice-${notice.tone}`;
  element.setAttribute('role', notice.tone === 'error' ? 'alert' : 'status');
  const title = document.createElement('h2');
  title.className = 'notice-title';
  title.textContent = notice.title;
  const detail = document.createElement('p');
  detail.className = 'notice-detail';
  detail.textContent = notice.detail;
  element.replaceChildren(title, detail);
  if (notice.requestId) {
    const reference = document.createElement('p');
    reference.className = 'notice-reference';
    reference.append('Request id ');
    const code = document.createElement('code');
    code.className = 'request-id';
    code.textContent = notice.requestId;
    reference.append(code, ' — quote it to the administrator.');
    element.append(reference);
  }
  element.hidden = false;
}

export function errorNotice(error: unknown): Notice {
  if (error instanceof ApiError) {
    const code = error.status ? `${error.code}, HTTP ${error.status}` : error.code;
    const sentence = error.message.charAt(0).toUpperCase() + error.message.slice(1);
    return {
      tone: 'error',
      title: 'The network could not be loaded',
      detail: `${sentence} (${code})`,
      requestId: error.requestId,
    };
  }
  return {
    tone: 'error',
    title: 'The network could not be drawn',
    detail:
      'This browser failed to display the graph. Reload the page; if it happens again, try an up-to-date browser with WebGL enabled.',
  };
}

export const EMPTY_NOTICE: Notice = {
  tone: 'info',
  title: 'No entities to show yet',
  detail:
    'The store holds no entities. Import an ingest batch, or start the server with SEED_DEMO=true to load the synthetic demo scenario.',
};
