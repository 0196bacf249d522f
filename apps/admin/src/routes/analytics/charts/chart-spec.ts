/** One line or set of bars: a value per day of the chart (null where the day is not rolled up yet). */
export type ChartSeries = {
  key: string;
  label: string;
  values: (number | null)[];
  format: (value: number) => string;
  /** Shorter numbers for the axis ticks; `format` unless told. */
  formatTick?: (value: number) => string;
  /** A second series with another unit gets its own axis on the right. */
  axis?: "left" | "right";
};

export type ChartSpec = {
  kind: "line" | "bar";
  /** "YYYY-MM-DD" UTC days, oldest first. */
  days: string[];
  series: ChartSeries[];
};

/** Bars per category (a class, a member) instead of per day: `values` follow `categories`. */
export type CategorySpec = {
  /** `key` tells apart categories that share a label (two classes of the same name). */
  categories: { key: string; label: string }[];
  series: ChartSeries[];
  /** Series add up (live and replay minutes) rather than stand side by side. */
  stacked?: boolean;
};

/** Each series' stroke and its marker: told apart by dash and shape, not by colour alone. */
export const SERIES_STYLES = [
  { color: "var(--chart-1)", dash: undefined, marker: "circle" },
  { color: "var(--chart-2)", dash: "6 4", marker: "square" },
] as const;

export function seriesStyle(index: number) {
  return SERIES_STYLES[index % SERIES_STYLES.length] ?? SERIES_STYLES[0];
}
