/**
 * argon2id hash of DEMO_PASSWORD ("sysops-demo"), computed once with `@node-rs/argon2`'s `hash()`.
 *
 * The seed runs inside the launcher, which bundles this module; a native addon such as `@node-rs/argon2`
 * cannot be bundled, so the seed stores this precomputed hash instead of hashing at seed time. The demo
 * password is public anyway; real users get their own salt from `hashPassword`.
 * `demo-password-hash.test.ts` checks it still verifies.
 */
export const DEMO_PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$8XTPtvlIocDzPG6weVNZ8w$ZAGQyAXPPn8b0iQdGEQbVztxXlIpSbROcKieEHh4Gag";
