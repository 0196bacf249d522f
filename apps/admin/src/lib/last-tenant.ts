const KEY = "marquee.console.tenant";

/** The organization last opened, so pages outside one (Platform) keep the switcher where it was. */
export function readLastTenant(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function rememberTenant(slug: string): void {
  try {
    localStorage.setItem(KEY, slug);
  } catch {
    // Storage can be disabled (private mode, policies); the switcher then starts from the first one.
  }
}
