import {
  askToPersistStorage,
  holdKeptRecording,
  type KeptFile,
  recordingsDirectory,
  removeKeptRecording,
} from "./kept-recordings";
import type { WriterCommand, WriterEvent } from "./recording-writer.worker";

/** A recording ready to upload: in memory, or a file kept in this browser until it has uploaded. */
export type FinishedRecording = {
  blob: Blob;
  /** All of it is in the browser's storage, and outlives this page. */
  kept: boolean;
  /** Deletes the kept file: it uploaded, or a newer recording replaces it. */
  remove: () => Promise<void>;
  /** The page goes away: the file stays, for the class page to offer next time. */
  release: () => void;
};

/** Where a recording's chunks go as they arrive. */
export type RecordingSink = {
  append: (chunk: Blob) => void;
  /** Everything appended, once it is all stored; null when nothing was. */
  finish: (type: string) => Promise<FinishedRecording | null>;
  /** Drops everything, kept file included. */
  discard: () => Promise<void>;
  /** The page goes away: what is written stays in the browser, the rest is lost with the page. */
  abandon: () => Promise<void>;
};

const notKept = async () => undefined;

export function memorySink(): RecordingSink {
  let chunks: Blob[] = [];
  return {
    append: (chunk) => void chunks.push(chunk),
    finish: async (type) => {
      if (chunks.length === 0) return null;
      const blob = new Blob(chunks, { type });
      chunks = [];
      return { blob, kept: false, remove: notKept, release: () => undefined };
    },
    discard: async () => {
      chunks = [];
    },
    abandon: async () => {
      chunks = [];
    },
  };
}

/** A recording an earlier page kept, taken over by this one to upload it. */
export function takeOverKeptFile(kept: KeptFile): FinishedRecording {
  const release = holdKeptRecording(kept.name);
  return {
    blob: kept.file,
    kept: true,
    remove: async () => {
      await removeKeptRecording(kept.name);
      release();
    },
    release,
  };
}

/**
 * Writes each chunk to a file in the browser's storage as it arrives. A worker does the
 * writing, with a synchronous access handle: it writes in place, so every chunk written
 * survives a crash or a closed tab (a writable stream commits only when it is closed).
 * Chunks stay in memory until the worker has written them, and for good once the disk
 * fails (full, say): nothing recorded is dropped while the page lives.
 */
export function diskSink(name: string, onKept: (kept: boolean) => void): RecordingSink {
  const worker = new Worker(new URL("./recording-writer.worker.ts", import.meta.url), { type: "module" });
  askToPersistStorage();
  const release = holdKeptRecording(name);
  const send = (command: WriterCommand) => worker.postMessage(command);
  let unwritten: Blob[] = [];
  let opened = false;
  let failed = false;
  let markStopped: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    markStopped = resolve;
  });
  const fail = () => {
    if (failed) return;
    failed = true;
    onKept(false);
  };

  worker.addEventListener("message", ({ data }: MessageEvent<WriterEvent>) => {
    switch (data.type) {
      case "opened":
        opened = true;
        onKept(true);
        return;
      case "written":
        unwritten.shift();
        return;
      case "failed":
        return fail();
      case "closed":
        return markStopped();
    }
  });
  // The worker could not even start: everything stays in memory.
  worker.addEventListener("error", () => {
    fail();
    markStopped();
  });
  send({ type: "open", name });

  let closing: Promise<void> | null = null;
  const close = () => {
    if (!closing) {
      send({ type: "close" });
      closing = stopped.then(() => worker.terminate());
    }
    return closing;
  };

  async function readFile(): Promise<File | null> {
    if (!opened) return null;
    try {
      const handle = await (await recordingsDirectory()).getFileHandle(name);
      return await handle.getFile();
    } catch {
      return null;
    }
  }

  const remove = async () => {
    await removeKeptRecording(name);
    release();
  };

  return {
    append: (chunk) => {
      unwritten.push(chunk);
      if (!failed) send({ type: "append", chunk });
    },
    finish: async (type) => {
      await close();
      const file = await readFile();
      const onDisk = file && file.size > 0 ? [file] : [];
      if (onDisk.length === 0 && unwritten.length === 0) {
        // Nothing recorded; a file that could not be read stays, for the class page to offer.
        if (!opened || file) await remove().catch(() => undefined);
        release();
        return null;
      }
      // The file itself when it holds everything: read from disk as it uploads, not from memory.
      const blob = file && unwritten.length === 0 ? file : new Blob([...onDisk, ...unwritten], { type });
      return { blob, kept: !failed && unwritten.length === 0, remove, release };
    },
    discard: async () => {
      unwritten = [];
      await close();
      await remove().catch(() => undefined);
    },
    abandon: async () => {
      unwritten = [];
      await close();
      release();
    },
  };
}
