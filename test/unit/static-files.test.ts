import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from '../../src-main/transport/static-files';

describe('static file paths', () => {
  const root = '/srv/renderer';
  it('serves index.html for the root and files below the folder', () => {
    expect(resolveStaticPath(root, '/')).toBe('/srv/renderer/index.html');
    expect(resolveStaticPath(root, '/?jeton=abc')).toBe('/srv/renderer/index.html');
    expect(resolveStaticPath(root, '/assets/index-1.js')).toBe('/srv/renderer/assets/index-1.js');
  });
  it('never leaves the folder', () => {
    for (const attempt of ['/../db/cedre.sqlite', '/assets/../../etc/passwd', '/%2e%2e/secret', '/..%2f..%2fetc', '/a%5c..%5c..', '/%00', '/%E0%A4%A']) {
      const resolved = resolveStaticPath(root, attempt);
      expect(resolved === null || resolved.startsWith('/srv/renderer/'), attempt).toBe(true);
    }
    expect(resolveStaticPath(root, '/../db/cedre.sqlite')).toBeNull();
  });
});
