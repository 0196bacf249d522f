import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@marquee/ui";
import { formatDate } from "../../lib/format";
import type { TierRow } from "../../lib/types";
import { TierPrice } from "./tier-price";

/** Tiers off sale, greyed: their last subscribers keep access until their period ends. */
export function ArchivedTiersTable({ tiers, labelledBy }: { tiers: TierRow[]; labelledBy: string }) {
  return (
    <Table aria-labelledby={labelledBy}>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Tier</TableHead>
          <TableHead>Price</TableHead>
          <TableHead className="hidden text-right md:table-cell">Subscribers</TableHead>
          <TableHead className="hidden sm:table-cell">Archived</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {tiers.map((tier) => (
          <TableRow key={tier.id} className="text-muted-foreground">
            <TableCell>
              <span className="font-medium">{tier.name}</span>
            </TableCell>
            <TableCell>
              <TierPrice tier={tier} />
            </TableCell>
            <TableCell className="hidden text-right tabular-nums md:table-cell">{tier.subscriberCount}</TableCell>
            <TableCell className="hidden whitespace-nowrap sm:table-cell">
              {tier.archivedAt ? formatDate(tier.archivedAt) : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
