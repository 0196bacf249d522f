import { useSearchParams } from "react-router";
import type { PlatformTenantFigures } from "../../lib/types";

/** The tenants table's columns; each figure column sorts by the number it shows. */
export const FIGURES = {
  views: (row: PlatformTenantFigures) => row.views,
  minutes: (row: PlatformTenantFigures) => row.minutesWatched,
  newMembers: (row: PlatformTenantFigures) => row.newMembers,
  enrollments: (row: PlatformTenantFigures) => row.enrollments,
  subscribers: (row: PlatformTenantFigures) => row.activeSubscribers,
  mrr: (row: PlatformTenantFigures) => row.mrrCents,
  tokenSales: (row: PlatformTenantFigures) => row.tokenSalesCents,
  stored: (row: PlatformTenantFigures) => row.storedMinutes,
};

export type FigureKey = keyof typeof FIGURES;
const MONEY: ReadonlySet<string> = new Set<FigureKey>(["mrr", "tokenSales"]);
export type SortKey = "name" | FigureKey;
export type SortDirection = "asc" | "desc";
export type TenantSort = { key: SortKey; dir: SortDirection };

// The busiest organizations first: what a platform admin opens this page to see.
export const DEFAULT_SORT: TenantSort = { key: "views", dir: "desc" };

const isSortKey = (value: string | null): value is SortKey =>
  value !== null && (value === "name" || Object.hasOwn(FIGURES, value));

/** `?sort=views&dir=desc`; anything else is the default. */
export function parseSort(params: URLSearchParams): TenantSort {
  const key = params.get("sort");
  if (!isSortKey(key)) return DEFAULT_SORT;
  const dir = params.get("dir");
  return { key, dir: dir === "asc" || dir === "desc" ? dir : firstDirection(key) };
}

/** Names read A to Z; figures start with the largest. */
export function firstDirection(key: SortKey): SortDirection {
  return key === "name" ? "asc" : "desc";
}

/** Clicking the sorted column turns it around; another column starts in its first direction. */
export function nextSort(current: TenantSort, key: SortKey): TenantSort {
  if (current.key === key) return { key, dir: current.dir === "asc" ? "desc" : "asc" };
  return { key, dir: firstDirection(key) };
}

const byName = (a: PlatformTenantFigures, b: PlatformTenantFigures) => a.name.localeCompare(b.name);

/** A sorted copy; ties stay in name order whichever way the column runs. */
export function sortTenants(rows: readonly PlatformTenantFigures[], sort: TenantSort): PlatformTenantFigures[] {
  const sign = sort.dir === "asc" ? 1 : -1;
  if (sort.key === "name") return [...rows].sort((a, b) => sign * byName(a, b));
  const value = FIGURES[sort.key];
  // Amounts in different currencies do not compare: money sorts within each currency.
  const byCurrency = MONEY.has(sort.key)
    ? (a: PlatformTenantFigures, b: PlatformTenantFigures) => a.currency.localeCompare(b.currency)
    : () => 0;
  return [...rows].sort((a, b) => byCurrency(a, b) || sign * (value(a) - value(b)) || byName(a, b));
}

/** The sort lives in the URL with the period, so a reload or a shared link shows the same order. */
export function useTenantSort() {
  const [params, setParams] = useSearchParams();
  const sort = parseSort(params);
  return {
    sort,
    sortBy: (key: SortKey) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          const chosen = nextSort(sort, key);
          next.set("sort", chosen.key);
          next.set("dir", chosen.dir);
          return next;
        },
        { replace: true },
      ),
  };
}
