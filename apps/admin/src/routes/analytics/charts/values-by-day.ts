/**
 * One value per day of the chart from rollup rows, which hold only some days. A day the rollup
 * has written without a row for this series is 0, and so is a day before the first rolled day
 * (the organization did not exist yet); a later day the rollup has not reached is null, a gap.
 */
export function valuesByDay<Row extends { day: string }>(
  days: string[],
  rolledDays: readonly string[],
  rows: readonly Row[],
  pick: (row: Row) => number,
): (number | null)[] {
  const byDay = new Map(rows.map((row) => [row.day, row]));
  const rolled = new Set(rolledDays);
  const firstRolled = rolledDays[0];
  return days.map((day) => {
    const row = byDay.get(day);
    if (row) return pick(row);
    if (rolled.has(day) || (firstRolled !== undefined && day < firstRolled)) return 0;
    return null;
  });
}
