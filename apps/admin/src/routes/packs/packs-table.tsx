import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@marquee/ui";
import { ItemActions } from "../../components/item-actions";
import { OnStripeBadge } from "../../components/stripe-sync";
import { formatDate } from "../../lib/format";
import { formatMoney } from "../../lib/money";
import type { PackRow } from "../../lib/types";

type PacksTableProps = {
  packs: PackRow[];
  labelledBy: string;
  /** Without these the rows are archived packs: greyed, with the date they went off sale. */
  onEdit?: (pack: PackRow) => void;
  onArchive?: (pack: PackRow) => void;
};

export function PacksTable({ packs, labelledBy, onEdit, onArchive }: PacksTableProps) {
  const archived = !onEdit || !onArchive;
  return (
    <Table aria-labelledby={labelledBy}>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Pack</TableHead>
          <TableHead className="text-right">Tokens</TableHead>
          <TableHead className="text-right">Price</TableHead>
          <TableHead className="hidden text-right md:table-cell">Per token</TableHead>
          <TableHead className="hidden sm:table-cell">{archived ? "Archived" : "Stripe"}</TableHead>
          {archived ? null : (
            <TableHead className="w-12">
              <span className="sr-only">Actions</span>
            </TableHead>
          )}
        </TableRow>
      </TableHeader>
      <TableBody>
        {packs.map((pack) => (
          <TableRow key={pack.id} className={archived ? "text-muted-foreground" : undefined}>
            <TableCell className="font-medium">{pack.name}</TableCell>
            <TableCell className="text-right tabular-nums">{pack.tokens}</TableCell>
            <TableCell className="text-right whitespace-nowrap tabular-nums">
              {formatMoney(pack.priceCents, pack.currency)}
            </TableCell>
            <TableCell className="hidden text-right whitespace-nowrap text-muted-foreground tabular-nums md:table-cell">
              {formatMoney(Math.round(pack.priceCents / pack.tokens), pack.currency)}
            </TableCell>
            <TableCell className="hidden whitespace-nowrap sm:table-cell">
              {archived ? (
                pack.archivedAt ? (
                  formatDate(pack.archivedAt)
                ) : null
              ) : (
                <OnStripeBadge onStripe={pack.onStripe} />
              )}
            </TableCell>
            {onEdit && onArchive ? (
              <TableCell className="text-right">
                <ItemActions name={pack.name} onEdit={() => onEdit(pack)} onArchive={() => onArchive(pack)} />
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
