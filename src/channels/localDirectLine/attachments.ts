import { randomId } from './ids';

export interface StoredFile {
  conversationId: string;
  bytes: Buffer;
  contentType: string;
  name: string;
}

/**
 * Uploaded files, in memory, under an unguessable id: the URL is the capability, because the bot fetches
 * `contentUrl` without credentials (as it does for Direct Line's own attachment URLs).
 */
export class AttachmentStore {
  private readonly files = new Map<string, StoredFile>();
  private totalBytes = 0;

  constructor(private readonly maxTotalBytes: number) {}

  put(file: StoredFile): string {
    const id = randomId();
    this.files.set(id, file);
    this.totalBytes += file.bytes.length;
    // Map order is insertion order, so the oldest files go first.
    for (const [oldId, old] of this.files) {
      if (this.totalBytes <= this.maxTotalBytes || oldId === id) break;
      this.delete(oldId, old);
    }
    return id;
  }

  get(id: string): StoredFile | undefined {
    return this.files.get(id);
  }

  dropConversation(conversationId: string): void {
    for (const [id, file] of this.files) {
      if (file.conversationId === conversationId) this.delete(id, file);
    }
  }

  clear(): void {
    this.files.clear();
    this.totalBytes = 0;
  }

  private delete(id: string, file: StoredFile): void {
    this.files.delete(id);
    this.totalBytes -= file.bytes.length;
  }
}
