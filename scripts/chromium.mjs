// The Chromium the browser tests drive (Debian's, from `npm run setup:test`), and the flags that keep
// it offline and quiet: no sandbox (root in CI), no GPU, no background updates, sync or QUIC.
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
