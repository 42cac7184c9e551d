/**
 * Building DOM without markup strings: text goes in through textContent only, so nothing a server
 * sends (a name, a document's file name) can become markup, and no inline style is ever written —
 * the Content-Security-Policy allows neither. Colours are set through the CSSOM where needed.
 */
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: {
    className?: string;
    text?: string;
    attrs?: Record<string, string>;
    data?: Record<string, string>;
  } = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  for (const [k, v] of Object.entries(options.attrs ?? {})) node.setAttribute(k, v);
  for (const [k, v] of Object.entries(options.data ?? {})) node.dataset[k] = v;
  for (const c of children) if (c) node.append(c);
  return node;
}

export function swatch(colour: string): HTMLSpanElement {
  const s = el('span', { className: 'swatch' });
  s.style.backgroundColor = colour;
  return s;
}

export function button(
  text: string,
  onClick: () => void,
  options: { className?: string; title?: string } = {},
): HTMLButtonElement {
  const b = el('button', {
    className: options.className ?? 'small-button',
    text,
    attrs: { type: 'button', ...(options.title ? { title: options.title } : {}) },
  });
  b.addEventListener('click', onClick);
  return b;
}

/** A line that says how an action went, read out when it changes; an error in the error colour. */
export function statusNote(id: string): {
  node: HTMLParagraphElement;
  say: (text: string, error?: boolean) => void;
} {
  const node = el('p', { className: 'panel-note', attrs: { id, 'aria-live': 'polite' } });
  const say = (text: string, error = false) => {
    node.textContent = text;
    node.classList.toggle('error-text', error);
    node.hidden = !text;
  };
  return { node, say };
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the page has no #${id}`);
  return found as T;
}

const DATE_TIME = new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeStyle: 'short' });
const DATE = new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium' });

export const formatDateTime = (iso: string) => DATE_TIME.format(new Date(iso));
export const formatDate = (ms: number | string) => DATE.format(new Date(ms));
