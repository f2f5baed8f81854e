import pkg from '../../../package.json';

/** The fields of package.json that say where the project's source is. */
export interface PackageLinks {
  repository?: string | { type?: string; url?: string; directory?: string };
  homepage?: string;
}

const HOSTS: Record<string, { web: string; files: string }> = {
  github: { web: 'https://github.com', files: '/blob/HEAD' },
  gitlab: { web: 'https://gitlab.com', files: '/-/blob/HEAD' },
  bitbucket: { web: 'https://bitbucket.org', files: '/src/HEAD' },
};

/**
 * The web address under which the project's files are shown on its code host
 * (for example `https://github.com/o/r/blob/HEAD`, followed by a file path),
 * from package.json's `repository` in any form npm accepts, or a `homepage`
 * on a code host. Undefined when neither names a known host.
 */
export function repositoryFilesUrl(p: PackageLinks): string | undefined {
  const repo = typeof p.repository === 'string' ? { url: p.repository } : (p.repository ?? {});
  const fromUrl = (url: string | undefined): string | undefined => {
    if (!url) return undefined;
    const short = /^(?:(github|gitlab|bitbucket):)?([\w.-]+)\/([\w.-]+)$/.exec(url);
    const long =
      /^(?:git\+)?(?:https?:\/\/|ssh:\/\/git@|git:\/\/|git@)(github\.com|gitlab\.com|bitbucket\.org)[/:]([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?(?:[#?].*)?$/.exec(
        url,
      );
    const host = short ? (short[1] ?? 'github') : long ? long[1].split('.')[0] : undefined;
    const [owner, name] = short ? [short[2], short[3].replace(/\.git$/, '')] : long ? [long[2], long[3]] : [];
    if (!host || !owner || !name) return undefined;
    const dir = repo.directory ? `/${repo.directory.replace(/^\/+|\/+$/g, '')}` : '';
    return `${HOSTS[host].web}/${owner}/${name}${HOSTS[host].files}${dir}`;
  };
  return (
    fromUrl(repo.url) ??
    (p.homepage && /^https:\/\/(github\.com|gitlab\.com|bitbucket\.org)\//.test(p.homepage) ? fromUrl(p.homepage) : undefined)
  );
}

/** Where docs/rules.md is published, from this package's own package.json; undefined until it names its repository. */
export const RULES_DOC_URL = ((base) => (base ? `${base}/docs/rules.md` : undefined))(repositoryFilesUrl(pkg as PackageLinks));
