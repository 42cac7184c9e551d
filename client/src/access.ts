/**
 * The sign-in and the change of a one-time password, before any case data is asked for. The password
 * typed at sign-in lives only in this function, for the change form that needs it as the current one.
 */
import { ApiError, changePassword, currentSession, signIn, type Session } from './api.js';

function form(id: string): HTMLFormElement {
  const found = document.getElementById(id);
  if (!(found instanceof HTMLFormElement)) throw new Error(`the page has no form #${id}`);
  return found;
}

function say(f: HTMLFormElement, error: unknown): void {
  const message = f.querySelector<HTMLElement>('.access-message')!;
  message.textContent =
    error instanceof ApiError
      ? error.message.charAt(0).toUpperCase() + error.message.slice(1)
      : String(error);
  message.hidden = false;
}

/** Waits for one submit of a form, and gives its fields. */
function submitted(f: HTMLFormElement): Promise<FormData> {
  return new Promise((resolve) =>
    f.addEventListener(
      'submit',
      (event) => {
        event.preventDefault();
        resolve(new FormData(f));
      },
      { once: true },
    ),
  );
}

/** Resolves with a session whose user may work: signed in, and with a password of their own. */
export async function ensureSignedIn(): Promise<Session> {
  let session = await currentSession();
  const access = document.getElementById('access')!;
  let typed = '';
  if (!session) {
    const signInForm = form('sign-in');
    document.getElementById('scope')!.textContent = 'Sign in to see the network';
    access.hidden = false;
    signInForm.hidden = false;
    document.getElementById('username')?.focus();
    while (!session) {
      const fields = await submitted(signInForm);
      typed = String(fields.get('password') ?? '');
      try {
        session = await signIn(String(fields.get('username') ?? ''), typed);
      } catch (error) {
        say(signInForm, error);
      }
    }
    signInForm.hidden = true;
  }
  if (session.user.mustChangePassword) {
    const changeForm = form('change-password');
    access.hidden = false;
    changeForm.hidden = false;
    while (session.user.mustChangePassword) {
      const fields = await submitted(changeForm);
      try {
        session = await changePassword(typed, String(fields.get('next') ?? ''), session.csrfToken);
      } catch (error) {
        say(changeForm, error);
      }
    }
    changeForm.hidden = true;
  }
  access.hidden = true;
  return session;
}
