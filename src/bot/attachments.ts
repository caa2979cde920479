import type { Activity, Attachment } from 'botbuilder';

export const TEAMS_FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

export type AttachmentDownload =
  | { ok: true; name: string; bytes: Buffer }
  | { ok: false; name: string; error: 'download-failed' | 'too-large' };

interface TeamsDownloadInfo {
  downloadUrl?: string;
}

/**
 * Files the user sent, not cards and not the text/html copy of the message text that Teams adds
 * to every message.
 */
export function fileAttachments(activity: Partial<Activity>): Attachment[] {
  return (activity.attachments ?? []).filter((a) => {
    if (a.contentType === TEAMS_FILE_DOWNLOAD_INFO) return true;
    if (a.contentType.startsWith('application/vnd.microsoft.card')) return false;
    return Boolean(a.contentUrl) && !(a.contentType === 'text/html' && !a.name);
  });
}

function sourceUrl(attachment: Attachment): string | undefined {
  if (attachment.contentType === TEAMS_FILE_DOWNLOAD_INFO) {
    return (attachment.content as TeamsDownloadInfo | undefined)?.downloadUrl;
  }
  return attachment.contentUrl;
}

async function readLimited(response: Response, maxBytes: number): Promise<Buffer | 'too-large'> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) return 'too-large';
  if (!response.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) return 'too-large';
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/** Fetches an uploaded file (data: URL, channel URL or Teams download URL), never more than maxBytes. */
export async function downloadAttachment(
  attachment: Attachment,
  maxBytes: number,
  fetchImpl: typeof fetch = fetch,
): Promise<AttachmentDownload> {
  const name = attachment.name ?? 'attachment';
  const url = sourceUrl(attachment);
  if (!url) return { ok: false, name, error: 'download-failed' };
  try {
    if (url.startsWith('data:')) {
      const comma = url.indexOf(',');
      const meta = url.slice(5, comma);
      const payload = url.slice(comma + 1);
      const bytes = meta.endsWith(';base64')
        ? Buffer.from(payload, 'base64')
        : Buffer.from(decodeURIComponent(payload));
      return bytes.length > maxBytes ? { ok: false, name, error: 'too-large' } : { ok: true, name, bytes };
    }
    const response = await fetchImpl(url, { signal: AbortSignal.timeout(15_000) });
    if (!response.ok) return { ok: false, name, error: 'download-failed' };
    const bytes = await readLimited(response, maxBytes);
    return bytes === 'too-large' ? { ok: false, name, error: 'too-large' } : { ok: true, name, bytes };
  } catch {
    return { ok: false, name, error: 'download-failed' };
  }
}
