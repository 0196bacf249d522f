import { recordingsDirectory } from "./kept-recordings";

/** To the writer, in order: open once, append each chunk, close. */
export type WriterCommand = { type: "open"; name: string } | { type: "append"; chunk: Blob } | { type: "close" };

/**
 * From the writer: `opened`, then `written` for each chunk, in order. After `failed` nothing
 * more is written (the file keeps the chunks written before); `closed` always comes last.
 */
export type WriterEvent = { type: "opened" } | { type: "written" } | { type: "failed" } | { type: "closed" };

// Worker-only APIs, which the app's DOM typings leave out.
type SyncAccessHandle = {
  write: (buffer: Uint8Array, options: { at: number }) => number;
  truncate: (size: number) => void;
  flush: () => void;
  close: () => void;
};
type SyncFileHandle = FileSystemFileHandle & { createSyncAccessHandle: () => Promise<SyncAccessHandle> };

let handle: SyncAccessHandle | null = null;
let size = 0;
let failed = false;
let queue = Promise.resolve();

const post = (event: WriterEvent) => self.postMessage(event);

self.addEventListener("message", (event: MessageEvent<WriterCommand>) => {
  const command = event.data;
  queue = queue.then(() => run(command));
});

async function run(command: WriterCommand) {
  if (command.type === "close") {
    handle?.close();
    handle = null;
    post({ type: "closed" });
    return;
  }
  if (failed) return;
  try {
    if (command.type === "open") {
      const directory = await recordingsDirectory();
      const file = (await directory.getFileHandle(command.name, { create: true })) as SyncFileHandle;
      handle = await file.createSyncAccessHandle();
      post({ type: "opened" });
      return;
    }
    if (!handle) throw new Error("The recording file is not open");
    const bytes = new Uint8Array(await command.chunk.arrayBuffer());
    if (handle.write(bytes, { at: size }) !== bytes.length) throw new Error("The disk took part of a chunk");
    size += bytes.length;
    // Written in place and flushed: the chunk survives a crash, unlike a writable stream's before close().
    handle.flush();
    post({ type: "written" });
  } catch {
    failed = true;
    try {
      // Whole chunks only, so the file stays a playable start of the recording.
      handle?.truncate(size);
      handle?.flush();
    } catch {
      // The file keeps what it has; the page keeps the rest in memory.
    }
    post({ type: "failed" });
  }
}
