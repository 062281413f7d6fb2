import { generateKeyPair } from '../../core/trust/index.js';
import { opt, type Command } from '../command.js';
import { common } from '../options.js';
import { ensureWritable, writeFileAtomic } from '../files.js';
import { passphraseFrom } from '../keys.js';

export const keygen: Command = {
  name: 'keygen',
  summary: 'Make an Ed25519 signing key pair: NAME.key (private, keep it offline) and NAME.pub (public).',
  usage: 'forewarn keygen --out NAME [--passphrase-env VAR] [--force] [--json]',
  details: [
    'The private key is PKCS#8 PEM, written readable by you only (mode 0600); the public key is SPKI PEM.',
    'Both are standard: `openssl pkey -in NAME.key -pubout` prints the same public key.',
    'Prints the keyid: the SHA-256 of the raw public key, which roots and signatures name keys by.',
  ],
  options: {
    out: { type: 'string', value: 'NAME', help: 'write NAME.key and NAME.pub' },
    'passphrase-env': { type: 'string', value: 'VAR', help: 'encrypt the private key with the passphrase in environment variable VAR' },
    force: common.force,
    json: { type: 'boolean', help: 'print {"keyid", "privateKey", "publicKey"} as JSON' },
  },
  positionals: { min: 0, max: 0 },
  async run(inv) {
    const name = opt.required(inv, 'out');
    const passphrase = passphraseFrom(inv.env, opt.string(inv, 'passphrase-env'));
    const privatePath = `${name}.key`;
    const publicPath = `${name}.pub`;
    ensureWritable([privatePath, publicPath], opt.flag(inv, 'force'));
    const pair = generateKeyPair(passphrase);
    writeFileAtomic(privatePath, pair.privatePem, 0o600);
    writeFileAtomic(publicPath, pair.publicPem, 0o644);
    if (opt.flag(inv, 'json')) {
      inv.io.out(JSON.stringify({ keyid: pair.keyid, privateKey: privatePath, publicKey: publicPath, encrypted: passphrase !== undefined }));
    } else {
      inv.io.out(`keyid ${pair.keyid}`);
      inv.io.out(`wrote ${privatePath} (private${passphrase ? ', encrypted' : ''}: keep it offline) and ${publicPath} (public)`);
    }
    return 0;
  },
};
