const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch);

/**
 * A stand-in for the Stream Player: a bare <video> on the HLS manifest (relative, so a token in the path carries
 * over), honouring the documented iframe options. No script, so it works under a strict CSP.
 */
export function iframePage(title: unknown, query: (key: string) => string | undefined): string {
  const on = (key: string) => query(key) === "true" || query(key) === "";
  const attributes = [
    query("controls") === "false" ? "" : "controls",
    on("autoplay") ? "autoplay" : "",
    on("muted") ? "muted" : "",
    on("loop") ? "loop" : "",
    `preload="${escapeHtml(query("preload") ?? "none")}"`,
    `poster="${escapeHtml(query("poster") ?? "thumbnails/thumbnail.jpg")}"`,
  ].filter(Boolean);
  const start = query("startTime");
  const src = `manifest/video.m3u8${start ? `#t=${escapeHtml(start)}` : ""}`;
  const name = typeof title === "string" ? escapeHtml(title) : "Stream video";
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${name}</title>
<style>html,body{margin:0;height:100%;background:#000}video{width:100%;height:100%}</style></head>
<body><video ${attributes.join(" ")} playsinline src="${src}"></video></body></html>
`;
}
