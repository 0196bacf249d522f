export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch);

/** Tagged template that escapes every interpolation except `raw()` fragments. */
export type Html = { html: string };
export const raw = (html: string): Html => ({ html });
export function html(strings: TemplateStringsArray, ...values: (string | number | Html | null | undefined)[]): Html {
  let out = strings[0] ?? "";
  values.forEach((value, index) => {
    const text =
      value === null || value === undefined ? "" : typeof value === "object" ? value.html : escapeHtml(String(value));
    out += text + (strings[index + 1] ?? "");
  });
  return raw(out);
}
export const join = (parts: Html[]) => raw(parts.map((part) => part.html).join(""));

const css = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1f36;background:#f6f8fa}
.banner{margin:0;padding:.5rem 1rem;background:#fff4d6;color:#5c3c00;font-size:.875rem;text-align:center;border-bottom:1px solid #f0d48a}
main{max-width:60rem;margin:0 auto;padding:2rem 1rem}
h1{font-size:1.5rem;margin:.25rem 0 1rem}
h2{font-size:1.125rem;margin:0 0 .25rem}
a{color:#3730a3}
.muted{color:#4f566b}
.grid{display:grid;gap:2rem;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr))}
.card{background:#fff;border:1px solid #e3e8ee;border-radius:.5rem;padding:1.5rem;margin-bottom:1rem}
.amount{font-size:2rem;font-weight:600;margin:0}
.items{list-style:none;padding:0;margin:1rem 0 0}
.items li{display:flex;justify-content:space-between;gap:1rem;padding:.5rem 0;border-top:1px solid #e3e8ee}
label,legend{display:block;font-weight:500;margin:1rem 0 .25rem;padding:0}
fieldset{border:0;margin:0;padding:0}
.row{display:grid;grid-template-columns:1fr 1fr;gap:.75rem}
input{width:100%;font:inherit;padding:.625rem .75rem;border:1px solid #8792a2;border-radius:.375rem;background:#fff;color:inherit}
input[aria-invalid=true]{border-color:#b42318;border-width:2px}
button{font:inherit;font-weight:600;border:0;border-radius:.375rem;padding:.75rem 1rem;background:#4338ca;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#1a1f36;border:1px solid #8792a2}
.wide{width:100%;margin-top:1.5rem}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:1rem}
.actions form{margin:0}
a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
.alert{margin:1rem 0;padding:.75rem 1rem;border-radius:.375rem;background:#fef3f2;color:#912018;border:1px solid #fda29b}
.notice{margin:1rem 0;padding:.75rem 1rem;border-radius:.375rem;background:#ecfdf3;color:#05603a;border:1px solid #6ce9a6}
.badge{display:inline-block;font-size:.75rem;font-weight:600;padding:.125rem .5rem;border-radius:1rem;background:#e3e8ee;color:#1a1f36}
.hint{font-size:.875rem;color:#4f566b;margin-top:1rem}
`;

/** The shell of every hosted page: no script, inline CSS, a banner saying this is the emulator. */
export function page(title: string, body: Html): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Stripe emulator</title><style>${css}</style></head>
<body><header><p class="banner">Stripe emulator · test mode — no real money moves</p></header>
${body.html}
</body></html>
`;
}

/** A page that only says something (expired session, unknown link). */
export function messagePage(title: string, message: string, link?: { href: string; label: string }): string {
  return page(
    title,
    html`<main><div class="card"><h1>${title}</h1><p>${message}</p>${link ? html`<p><a href="${link.href}">${link.label}</a></p>` : ""}</div></main>`,
  );
}
