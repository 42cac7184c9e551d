/**
 * The way into the import screen and back out to the network. Only roles that may import see the
 * button. Coming back after something was written reloads the view, so the new data is drawn; "find"
 * runs the network view's own search for a number from the file.
 */
import type { Session } from '../api.js';
import type { CaseSummary } from '../api-reads.js';
import { byId } from '../panels/dom.js';
import { canImport } from './roles.js';
import { ImportScreen } from './screen.js';

export function mountImportEntry(o: {
  session: Session;
  cases: CaseSummary[];
  /** Loads the network view again: the scope given, or the one shown. */
  reopen: (scope?: string) => Promise<void>;
}): void {
  if (!canImport(o.session.user.role)) return;
  const entry = byId<HTMLButtonElement>('import-open');
  const root = byId('import-screen');
  const workspace = byId('workspace');
  let screen: ImportScreen | undefined;
  let written = false;
  const show = (importing: boolean) => {
    root.hidden = !importing;
    workspace.hidden = importing;
    entry.hidden = importing;
    document.body.dataset.screen = importing ? 'import' : 'network';
  };
  const back = async (scope?: string, find?: string) => {
    show(false);
    if (written || scope) await o.reopen(scope);
    written = false;
    if (!find) return;
    byId<HTMLInputElement>('search-input').value = find;
    byId<HTMLFormElement>('search-form').requestSubmit();
  };
  entry.addEventListener('click', () => {
    show(true);
    if (screen) return;
    screen = new ImportScreen({
      root,
      csrfToken: o.session.csrfToken,
      admin: o.session.user.role === 'admin',
      cases: o.cases,
      onClose: () => void back(),
      onWritten: () => (written = true),
      onOpen: (scope, find) => void back(scope, find),
    });
    void screen.start();
  });
  entry.hidden = false;
}
