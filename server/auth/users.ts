/**
 * Managing users, shared by the command line (`npm run user`) and the admin API: every change is
 * validated here, passwords are hashed here, and a reset or a disable ends the user's open sessions.
 */
import { z } from 'zod';
import { PASSWORD, ROLES, USERNAME, type UserView } from '../domain/access.js';
import { CaseGraphError, issuesFromZod } from '../domain/errors.js';
import type { AccessStore } from '../store/access-store.js';
import { generatePassword, hashPassword } from './passwords.js';

export const newUserSchema = z
  .object({
    username: USERNAME,
    displayName: z.string().trim().min(1).max(120),
    role: z.enum(ROLES),
    unit: z.string().trim().min(1).max(200).nullable().default(null),
    password: PASSWORD.optional(),
  })
  .strict();
export type NewUserInput = z.input<typeof newUserSchema>;

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const r = schema.safeParse(input);
  if (!r.success)
    throw new CaseGraphError(
      'REQUEST.INVALID',
      'the user details are invalid',
      issuesFromZod(r.error.issues, () => 'body'),
    );
  return r.data;
}

/** A user without a given password gets a generated one, to be handed over once and changed at first sign-in. */
export async function addUser(
  access: AccessStore,
  input: NewUserInput,
  now = Date.now(),
): Promise<{ user: UserView; password?: string }> {
  const u = parse(newUserSchema, input);
  const generated = u.password === undefined ? generatePassword() : undefined;
  const user = await access.createUser(
    {
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      unit: u.unit,
      passwordHash: await hashPassword(u.password ?? generated!),
      mustChangePassword: generated !== undefined,
    },
    now,
  );
  return generated === undefined ? { user } : { user, password: generated };
}

export async function resetPassword(
  access: AccessStore,
  username: string,
  now = Date.now(),
): Promise<{ user: UserView; password: string }> {
  const password = generatePassword();
  const user = await access.updateUser(
    parse(USERNAME, username),
    { passwordHash: await hashPassword(password), mustChangePassword: true },
    now,
  );
  await access.deleteSessionsOf(user.id);
  return { user, password };
}

export async function setPassword(
  access: AccessStore,
  username: string,
  password: string,
  now = Date.now(),
): Promise<UserView> {
  const hashed = await hashPassword(parse(PASSWORD, password));
  return access.updateUser(
    parse(USERNAME, username),
    { passwordHash: hashed, mustChangePassword: false },
    now,
  );
}

export async function disableUser(
  access: AccessStore,
  username: string,
  now = Date.now(),
): Promise<UserView> {
  const user = await access.updateUser(parse(USERNAME, username), { disabled: true }, now);
  await access.deleteSessionsOf(user.id);
  return user;
}

/**
 * The first start of an instance has nobody to sign in: an admin is made with a random password, which
 * the caller prints once (it is nowhere else) and which must be changed at first sign-in.
 */
export async function ensureFirstAdmin(
  access: AccessStore,
  now = Date.now(),
): Promise<{ username: string; password: string } | null> {
  if ((await access.countUsers()) > 0) return null;
  const { password } = await addUser(
    access,
    { username: 'admin', displayName: 'Administrator', role: 'admin' },
    now,
  );
  return { username: 'admin', password: password! };
}
