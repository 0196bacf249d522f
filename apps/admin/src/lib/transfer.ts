import { DetailedError, Upload } from "tus-js-client";

export type TransferEvents = {
  onProgress: (bytesSent: number, bytesTotal: number) => void;
  onSuccess: () => void;
  /**
   * A sentence for the user; the transfer can be started again where it makes sense. `expired`:
   * the upload URL is gone, so only a new upload (a new URL) can succeed.
   */
  onError: (message: string, detail: { expired: boolean }) => void;
};

export type Transfer = {
  /** TUS transfers pause and resume from the server's offset; a direct POST can only start over. */
  resumable: boolean;
  start: () => void;
  pause: () => void;
  abort: () => void;
};

// Cloudflare wants chunks in multiples of 256 KiB and at least 5 MB; 50 MiB keeps requests few.
const TUS_CHUNK_BYTES = 50 * 1024 * 1024;
const TUS_RETRY_DELAYS_MS = [0, 1_000, 3_000, 5_000, 10_000, 20_000];

function tusStatus(error: Error): number | undefined {
  return error instanceof DetailedError ? error.originalResponse?.getStatus() : undefined;
}

function describeTusError(error: Error): string {
  const status = tusStatus(error);
  if (status === 404 || status === 410) {
    return "Cloudflare no longer accepts this upload (its link expired). Cancel it and upload the file again.";
  }
  if (status === 413) return "Cloudflare refused the file because it is too large.";
  if (status) return `Cloudflare stopped the upload (HTTP ${status}). Resume to try again.`;
  return "The connection to Cloudflare was lost. Resume to continue where the upload stopped.";
}

/**
 * Resumable upload to a TUS URL the server already created on Cloudflare (we only HEAD and PATCH it).
 * A file, or any Blob such as a recording made in the page.
 */
export function createTusTransfer(file: Blob, uploadUrl: string, events: TransferEvents): Transfer {
  const upload = new Upload(file, {
    uploadUrl,
    chunkSize: TUS_CHUNK_BYTES,
    retryDelays: TUS_RETRY_DELAYS_MS,
    // The server hands out the URL; there is nothing to find again in localStorage.
    storeFingerprintForResuming: false,
    onProgress: events.onProgress,
    onSuccess: () => events.onSuccess(),
    onError: (error) => {
      const status = tusStatus(error);
      events.onError(describeTusError(error), { expired: status === 404 || status === 410 });
    },
  });
  return {
    resumable: true,
    start: () => upload.start(),
    pause: () => void upload.abort(),
    abort: () => void upload.abort(),
  };
}

/** One multipart POST (files up to 200 MB); XMLHttpRequest because fetch reports no upload progress. */
export function createDirectTransfer(file: File, uploadUrl: string, events: TransferEvents): Transfer {
  let request: XMLHttpRequest | null = null;
  const start = () => {
    const xhr = new XMLHttpRequest();
    request = xhr;
    xhr.upload.onprogress = (event) =>
      events.onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) events.onSuccess();
      else events.onError(`Cloudflare refused the upload (HTTP ${xhr.status}). Try again.`, { expired: true });
    };
    // A direct upload cannot resume: whatever failed, the next try needs a new URL.
    xhr.onerror = () => events.onError("The connection to Cloudflare was lost. Try again.", { expired: true });
    const body = new FormData();
    body.append("file", file);
    xhr.open("POST", uploadUrl);
    xhr.send(body);
  };
  return {
    resumable: false,
    start,
    pause: () => undefined,
    abort: () => request?.abort(),
  };
}
