// The visitor hash that ingest limits are counted by: SHA-256 of a daily salt, the site, the address and
// the user agent. The salt changes every UTC day and includes the PEPPER secret, so a hash cannot be
// linked across days or reversed by guessing addresses; neither the address nor the user agent is stored.
import { sha256 } from '../ids';

export function visitorHash(req: Request, site: string, pepper: string, now = new Date()): Promise<string> {
  const day = now.toISOString().slice(0, 10);
  const ip = req.headers.get('cf-connecting-ip') ?? 'local';
  const ua = req.headers.get('user-agent') ?? '';
  return sha256(`${day}\n${pepper}\n${site}\n${ip}\n${ua}`);
}
