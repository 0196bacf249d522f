/**
 * Recordings kept in the browser's private storage (the Origin Private File System) until
 * they have uploaded, one file per broadcast: `recordings/<classId>-<startedAt ms>.webm`.
 * A page recording or uploading a file holds a Web Lock named after it, so no page offers
 * that file as "not uploaded" meanwhile; the lock goes when the page does.
 */
const DIRECTORY = "recordings";
const FILE_NAME = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-(\d{1,15})\.(webm|mp4)$/;
const LOCK_PREFIX = "marquee-recording:";

export type KeptFile = { name: string; classId: string; startedAt: Date; file: File };

export function keptRecordingName(classId: string, startedAt: Date, mimeType: string): string {
  const extension = mimeType.startsWith("video/mp4") ? "mp4" : "webm";
  return `${classId}-${startedAt.getTime()}.${extension}`;
}

export function parseKeptRecordingName(name: string): { classId: string; startedAt: Date } | null {
  const match = FILE_NAME.exec(name);
  if (!match?.[1] || !match[2]) return null;
  return { classId: match[1], startedAt: new Date(Number(match[2])) };
}

export function canKeepRecordings(): boolean {
  return (
    typeof Worker !== "undefined" &&
    typeof navigator !== "undefined" &&
    typeof navigator.storage?.getDirectory === "function"
  );
}

export async function recordingsDirectory(): Promise<FileSystemDirectoryHandle> {
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle(DIRECTORY, { create: true });
}

let persistAsked = false;

/** Asks once that the browser not evict our storage under pressure; it may say no, and that is fine. */
export function askToPersistStorage() {
  if (persistAsked) return;
  persistAsked = true;
  void navigator.storage.persist?.().catch(() => undefined);
}

/** Marks the file as this page's until the returned function is called (or the page goes). */
export function holdKeptRecording(name: string): () => void {
  if (!("locks" in navigator)) return () => undefined;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  void navigator.locks.request(LOCK_PREFIX + name, () => held).catch(() => undefined);
  return release;
}

async function heldNames(): Promise<Set<string>> {
  if (!("locks" in navigator)) return new Set();
  const { held = [] } = await navigator.locks.query();
  return new Set(held.flatMap(({ name }) => (name ? [name] : [])));
}

/** Resolves once no page holds the recording any more (at once where the browser has no locks). */
export async function waitForKeptRecording(name: string, signal: AbortSignal): Promise<void> {
  if (!("locks" in navigator)) return;
  await navigator.locks.request(LOCK_PREFIX + name, { signal }, () => undefined);
}

// Async iteration of directories is typed in lib "DOM.AsyncIterable", which this app does not include.
type ListableDirectory = FileSystemDirectoryHandle & { entries: () => AsyncIterable<[string, FileSystemHandle]> };

export type KeptRecordings = {
  /** Recordings no page is recording or uploading, newest first. */
  idle: KeptFile[];
  /** Names of those a page is still recording or uploading (maybe one that is closing right now). */
  busy: string[];
};

export async function findKeptRecordings(classId: string): Promise<KeptRecordings> {
  if (!canKeepRecordings()) return { idle: [], busy: [] };
  const directory = (await recordingsDirectory()) as ListableDirectory;
  const held = await heldNames();
  const idle: KeptFile[] = [];
  const busy: string[] = [];
  const empty: string[] = [];
  for await (const [name, handle] of directory.entries()) {
    const parsed = parseKeptRecordingName(name);
    if (!parsed || parsed.classId !== classId || !(handle instanceof FileSystemFileHandle)) continue;
    if (held.has(LOCK_PREFIX + name)) {
      busy.push(name);
      continue;
    }
    const file = await handle.getFile();
    // A broadcast that stopped before its first second: nothing to offer.
    if (file.size === 0) empty.push(name);
    else idle.push({ name, ...parsed, file });
  }
  await Promise.all(empty.map((name) => directory.removeEntry(name).catch(() => undefined)));
  return { idle: idle.sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime()), busy };
}

export async function removeKeptRecording(name: string): Promise<void> {
  const directory = await recordingsDirectory();
  await directory.removeEntry(name).catch((error: unknown) => {
    // Already gone is what was wanted.
    if (!(error instanceof DOMException && error.name === "NotFoundError")) throw error;
  });
}
