/**
 * Whether the extension runs as a web extension (vscode.dev, github.dev: the
 * language server in a web worker, no Node). Set once by the browser entry,
 * before activation; commands read it to leave out what cannot work there.
 */
let web = false;

export function isWeb(): boolean {
  return web;
}

export function markWeb(): void {
  web = true;
}
