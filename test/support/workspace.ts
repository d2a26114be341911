import { MemoryWorkspace, safeDecode, type ListingWorkspace } from '../../server/src/core';

/** A memory workspace that can also list its folders, as the disk's can. */
export class ListingMemoryWorkspace extends MemoryWorkspace implements ListingWorkspace {
  private readonly uris = new Set<string>();

  constructor(files: Record<string, string> = {}, roots: readonly string[] = []) {
    super(files, roots);
    for (const uri of Object.keys(files)) this.uris.add(uri);
  }

  override set(uri: string, text: string): void {
    super.set(uri, text);
    this.uris.add(uri);
  }

  override delete(uri: string): void {
    super.delete(uri);
    this.uris.delete(uri);
  }

  list(dirUri: string): readonly string[] | undefined {
    const prefix = dirUri.replace(/\/$/, '') + '/';
    const names = new Set<string>();
    for (const uri of this.uris) {
      if (!uri.startsWith(prefix)) continue;
      const rest = uri.slice(prefix.length);
      const slash = rest.indexOf('/');
      names.add(slash === -1 ? safeDecode(rest) : safeDecode(rest.slice(0, slash)) + '/');
    }
    return names.size > 0 ? [...names].sort() : undefined;
  }
}
