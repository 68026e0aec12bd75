/**
 * The listening guard: an address other machines can reach needs ATLAS_TOKEN,
 * or anyone on the network could upload and delete datasets. Loopback
 * (127.0.0.0/8, ::1, `localhost`) is always allowed. There is deliberately no
 * switch to listen openly without a token.
 */
import { BlockList, isIP } from 'node:net';

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6'); // BlockList also matches the IPv4-mapped ::ffff:127.x.y.z

/** Whether `host` names only this machine. Other host names are not resolved: they count as reachable. */
export function isLoopbackHost(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (name === 'localhost' || name === 'localhost.') return true;
  const family = isIP(name);
  return family !== 0 && LOOPBACK.check(name, family === 6 ? 'ipv6' : 'ipv4');
}

export type ListenSafety = { ok: true } | { ok: false; message: string };

export function checkListenSafety(host: string, token: string | undefined): ListenSafety {
  if (isLoopbackHost(host) || (token !== undefined && token !== '')) return { ok: true };
  return {
    ok: false,
    message: [
      `refusing to listen on ${host} without ATLAS_TOKEN: anyone who can reach this address could upload and delete datasets.`,
      'Set a token of at least 16 characters, and give it to the people who may write:',
      `  ATLAS_TOKEN=$(openssl rand -base64 32) HOST=${host} npm start`,
      'or listen on this machine only (HOST=127.0.0.1, the default).',
    ].join('\n'),
  };
}
