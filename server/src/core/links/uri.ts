import { safeDecode } from './url';

/**
 * One spelling for every file URI the link index stores or is asked about. The editor's URIs
 * (`file:///c%3A/sites/c%2B%2B%20blog/`) and Node's (`file:///C:/sites/c++%20blog/`) name the
 * same files; each path segment is decoded and encoded again the editor's way, and a Windows
 * drive letter is written in lower case.
 */
export function canonicalUri(uri: string): string {
  if (!uri.startsWith('file://')) return uri;
  const pathStart = uri.indexOf('/', 7);
  if (pathStart === -1) return uri;
  const path = uri.slice(pathStart);
  // The usual case, already canonical: nothing encoded and no drive letter.
  if (/^[A-Za-z0-9._~/-]*$/.test(path)) return uri;
  const segments = path.split('/');
  for (let i = 1; i < segments.length; i++) segments[i] = encodeSegment(safeDecode(segments[i]));
  if (/^[A-Za-z]%3A$/.test(segments[1] ?? '')) segments[1] = segments[1].toLowerCase().replace('%3a', '%3A');
  return uri.slice(0, pathStart) + segments.join('/');
}

/** A decoded path segment as a URI writes it: everything but `A-Z a-z 0-9 - . _ ~` percent-encoded. */
export function encodeSegment(segment: string): string {
  if (/^[A-Za-z0-9._~-]*$/.test(segment)) return segment;
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/** A target's path relative to a document, for messages. */
export function relativeName(from: string, to: string): string {
  const a = canonicalUri(from).split('/');
  const b = canonicalUri(to).split('/');
  let i = 0;
  while (i < a.length - 1 && i < b.length - 1 && a[i] === b[i]) i++;
  const up = a.length - 1 - i;
  const rel = (up === 0 ? './' : '../'.repeat(up)) + b.slice(i).join('/');
  try {
    return decodeURIComponent(rel);
  } catch {
    return rel;
  }
}
