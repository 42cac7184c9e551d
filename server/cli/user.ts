/**
 * `npm run user -- add|reset|disable|list`: managing users from the command line of the machine that
 * holds the store (DATA_DIR). A generated password is printed once, here, and is nowhere else.
 */
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { loadConfig } from '../config.js';
import { runCli } from './run.js';
import { ROLES } from '../domain/access.js';
import { CaseGraphError } from '../domain/errors.js';
import { addUser, disableUser, resetPassword } from '../auth/users.js';
import { openStore } from '../start.js';

const USAGE = `usage:
  npm run user -- add USERNAME --role ROLE --name "DISPLAY NAME" [--unit "UNIT"]
  npm run user -- reset USERNAME      new random password, printed once; open sessions end
  npm run user -- disable USERNAME    the user can no longer sign in; open sessions end
  npm run user -- list
ROLE is one of: ${ROLES.join(', ')}`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      unit: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const [command, username] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  if (command !== 'list' && !username) {
    console.error(`${command} needs a USERNAME\n${USAGE}`);
    return 2;
  }
  const { store, access } = await openStore(loadConfig(), pino({ level: 'warn' }));
  try {
    switch (command) {
      case 'add': {
        const { user, password } = await addUser(access, {
          username: username!,
          displayName: values.name ?? username!,
          role: values.role as never,
          unit: values.unit ?? null,
        });
        console.log(`added ${user.username} (${user.role}${user.unit ? `, ${user.unit}` : ''})`);
        console.log(`password, shown this once; it must be changed at first sign-in: ${password}`);
        return 0;
      }
      case 'reset': {
        const { user, password } = await resetPassword(access, username!);
        console.log(
          `new password for ${user.username}, shown this once; it must be changed at sign-in: ${password}`,
        );
        return 0;
      }
      case 'disable': {
        const user = await disableUser(access, username!);
        console.log(`disabled ${user.username}; their open sessions are ended`);
        return 0;
      }
      case 'list': {
        for (const u of await access.listUsers())
          console.log(
            `${u.username.padEnd(20)} ${u.role.padEnd(13)} ${u.disabled ? 'disabled' : 'active  '} ${u.unit ?? ''}`,
          );
        return 0;
      }
      default:
        console.error(`unknown command ${command}\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (!(error instanceof CaseGraphError)) throw error;
    console.error(
      `${error.message}${error.issues.map((i) => `\n  ${i.path || 'value'}: ${i.message}`).join('')}`,
    );
    return 1;
  } finally {
    await store.close();
  }
}

await runCli(main);
