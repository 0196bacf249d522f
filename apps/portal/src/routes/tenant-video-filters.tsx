import { cn, focusRing, SearchInput, useDebouncedValue } from "@marquee/ui";
import { type FormEvent, useEffect, useState } from "react";

type SearchFieldProps = {
  /** The search in the URL (`?q=`). */
  value: string;
  onSearch(value: string): void;
};

/** Searches as you type (debounced), or at once with Enter; follows the URL on back and forward. */
export function VideoSearchField({ value, onSearch }: SearchFieldProps) {
  const [text, setText] = useState(value);
  const [committed, setCommitted] = useState(value);
  // The URL changed elsewhere (back button, "Clear filters"): show what it says.
  if (value !== committed) {
    setCommitted(value);
    setText(value);
  }
  const debounced = useDebouncedValue(text.trim(), 300);

  useEffect(() => {
    // Only once the debounce has caught up with the box, so a stale value never wins.
    if (debounced !== text.trim() || debounced === committed) return;
    setCommitted(debounced);
    onSearch(debounced);
  }, [debounced, text, committed, onSearch]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCommitted(text.trim());
    onSearch(text.trim());
  };

  return (
    <search className="w-full sm:w-80">
      <form onSubmit={submit}>
        <SearchInput
          aria-label="Search videos"
          placeholder="Search titles, descriptions and tags"
          value={text}
          onChange={(event) => setText(event.target.value)}
          className="sm:max-w-none"
        />
      </form>
    </search>
  );
}

type TagFilterProps = {
  tags: string[];
  /** The tag in the URL (`?tag=`), or "" for all. */
  active: string;
  onChange(tag: string): void;
};

const chipClasses = cn(
  "inline-flex h-8 shrink-0 cursor-pointer items-center rounded-full border px-3 text-sm transition-colors",
  "border-input bg-surface text-foreground hover:bg-muted",
  "aria-pressed:border-primary aria-pressed:bg-primary aria-pressed:text-primary-foreground",
  focusRing,
);

export function VideoTagFilter({ tags, active, onChange }: TagFilterProps) {
  // A tag from a shared link stays visible even when it is not among the most used.
  const shown = active && !tags.includes(active) ? [active, ...tags] : tags;
  if (shown.length === 0) return null;
  return (
    <fieldset className="flex flex-wrap gap-2">
      <legend className="sr-only">Filter by tag</legend>
      <button type="button" aria-pressed={active === ""} className={chipClasses} onClick={() => onChange("")}>
        All
      </button>
      {shown.map((tag) => (
        <button
          key={tag}
          type="button"
          aria-pressed={active === tag}
          className={chipClasses}
          onClick={() => onChange(active === tag ? "" : tag)}
        >
          {tag}
        </button>
      ))}
    </fieldset>
  );
}
