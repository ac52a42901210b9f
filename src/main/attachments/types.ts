/**
 * Images and files a client sends, from the dialect's part to the bytes a provider uploads. The
 * dialects name each part the client's way (`messages[1].content[0]`), so a refusal can point at it.
 */

export type AttachmentKind = 'image' | 'file';

/** How the client sent the bytes: a `data:` URL, bare base64, or a remote http(s) URL. */
export type AttachmentSource = 'data-url' | 'base64' | 'url';

/** Limits read from the settings for each request. */
export interface AttachmentLimits {
  /** Attachments sent with one request (the latest turn's). */
  maxCount: number;
  /** One attachment, in bytes after decoding. */
  maxBytes: number;
  /** All attachments of one request together, in bytes. */
  maxTotalBytes: number;
  /** Remote URLs: give up after this long. */
  fetchTimeoutMs: number;
  /** Remote URLs may point at loopback, private, link-local and metadata addresses. */
  allowPrivateAddresses: boolean;
}

/** An attachment ready to upload: checked bytes, a MIME type that matches them, a file name. */
export interface ResolvedAttachment {
  kind: AttachmentKind;
  /** The dialect's name of the part, for error messages. */
  param: string;
  source: AttachmentSource;
  /** What the bytes are (sniffed where the format has a signature). */
  mimeType: string;
  /** The client's name, or one made up from the kind and type (`image-1.png`). */
  name: string;
  bytes: Buffer;
  /** Hex SHA-256 of the bytes: the upload cache key. */
  sha256: string;
}
