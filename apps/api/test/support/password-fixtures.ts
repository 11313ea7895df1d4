import { PASSWORD } from '../scenarios/scenario.ts';

/**
 * `PASSWORD` hashed once in each format at the test costs, as another runtime would have stored it: a Node
 * server writes scrypt, a Worker PBKDF2. No Node built-ins here, so workerd tests use them too.
 */
export const STORED_HASHES = {
  password: PASSWORD,
  scrypt: '$scrypt$ln=4,r=8,p=1$+nlVGtyy7fbWX0RwSXLFVw$eq6nRGpJC6ISiYE098IRyU3rdm4ZT4gChe3wRWwOp28',
  /** scrypt at a cost neither runtime makes now: an older setting. */
  olderScrypt: '$scrypt$ln=5,r=4,p=2$MQtZ8vVqCnITGfOhDs4iKA$skSOd5rtWobTmqtBZA5L2QCxjC3v08myy441ePmim4k',
  pbkdf2: '$pbkdf2-sha256$i=1000,n=2$L5Ixo/4qst5N0YGmHm3w3w$XcWl0TA2QD1+A1CSu2hC0J6JeTwp506L2Qkugo2GhUM',
};
