/** Admins manage users over the API as `npm run user` does from the command line; every change is audited. */
import { z } from 'zod';
import { USERNAME } from '../../domain/access.js';
import { addUser, disableUser, newUserSchema, resetPassword } from '../../auth/users.js';
import type { AppContext } from '../context.js';
import { route, type AnyRoute } from '../define-route.js';
import { sessionOf } from '../session.js';

const userSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.string(),
    unit: z.string().nullable(),
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'UserAccount' });
const withPassword = z
  .object({
    user: userSchema,
    password: z.string().meta({ description: 'Shown this once; the user must change it at first sign-in.' }),
  })
  .meta({ id: 'UserWithPassword' });
const nameParams = z.object({ username: USERNAME });
const createBody = newUserSchema.omit({ password: true }).meta({ id: 'NewUser' });

export function userRoutes(ctx: AppContext): AnyRoute[] {
  const record = (
    res: Parameters<typeof sessionOf>[0],
    ip: string | undefined,
    action: 'user.add' | 'user.reset' | 'user.disable',
    target: string,
  ) => {
    const admin = sessionOf(res)!.user;
    return ctx.audit.record({ actor: admin.username, role: admin.role, action, target, ip: ip ?? null });
  };
  return [
    route({
      method: 'get',
      access: 'users.manage',
      path: '/api/users',
      tags: ['access'],
      summary: 'Every user, with role, unit and whether disabled',
      responses: { 200: { description: 'The users.', schema: z.object({ users: z.array(userSchema) }) } },
      handler: async () => ({ users: await ctx.access.listUsers() }),
    }),
    route({
      method: 'post',
      access: 'users.manage',
      path: '/api/users',
      tags: ['access'],
      summary: 'Add a user; the answer holds a one-time password, shown once',
      body: createBody,
      responses: { 201: { description: 'Added.', schema: withPassword } },
      errors: [400, 409],
      handler: async (input, req, res) => {
        const body = input.body as z.input<typeof createBody>;
        const { user, password } = await addUser(ctx.access, body);
        await record(res, req.ip, 'user.add', user.username);
        return { user, password };
      },
    }),
    route({
      method: 'post',
      access: 'users.manage',
      path: '/api/users/:username/reset',
      tags: ['access'],
      summary: 'Give a user a new one-time password; their open sessions end',
      params: nameParams,
      responses: { 200: { description: 'Reset.', schema: withPassword } },
      errors: [400, 404],
      handler: async ({ params }, req, res) => {
        const { user, password } = await resetPassword(ctx.access, params.username);
        await record(res, req.ip, 'user.reset', user.username);
        return { user, password };
      },
    }),
    route({
      method: 'post',
      access: 'users.manage',
      path: '/api/users/:username/disable',
      tags: ['access'],
      summary: 'Stop a user from signing in; their open sessions end',
      params: nameParams,
      responses: { 200: { description: 'Disabled.', schema: userSchema } },
      errors: [400, 404],
      handler: async ({ params }, req, res) => {
        const user = await disableUser(ctx.access, params.username);
        await record(res, req.ip, 'user.disable', user.username);
        return user;
      },
    }),
  ];
}
