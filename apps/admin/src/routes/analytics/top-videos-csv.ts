import type { TopVideo } from "../../lib/types";
import type { Period } from "./analytics-range";

export const TOP_VIDEOS_CSV_HEADER = ["Title", "Views", "Minutes watched", "Average completion"] as const;

/**
 * A field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break, quotes
 * doubled. Text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading
 * apostrophe, so a video title can never execute in the admin's spreadsheet.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** 0.4567 -> "45.7%": one decimal, the same for every locale so the file reads the same everywhere. */
export function completionPercent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}

/** The rows shown in the table, as a CSV file (CRLF line ends, as RFC 4180 has them). */
export function topVideosCsv(videos: readonly TopVideo[]): string {
  const lines = [
    TOP_VIDEOS_CSV_HEADER.join(","),
    ...videos.map((video) =>
      [
        csvField(video.title),
        String(video.views),
        String(video.minutesWatched),
        completionPercent(video.averageCompletion),
      ].join(","),
    ),
  ];
  return `${lines.join("\r\n")}\r\n`;
}

export function topVideosFileName({ from, to }: Period): string {
  return `top-videos-${from}-to-${to}.csv`;
}

/** Hands the text to the browser as a file download. */
export function downloadText(text: string, fileName: string, type = "text/csv;charset=utf-8") {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next tick: some browsers start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
