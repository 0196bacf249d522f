import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@marquee/ui";
import { ItemActions } from "../../components/item-actions";
import { OnStripeBadge } from "../../components/stripe-sync";
import { pluralize } from "../../lib/format";
import type { TierRow } from "../../lib/types";
import { TierPrice } from "./tier-price";

type TiersTableProps = {
  tiers: TierRow[];
  labelledBy: string;
  onEdit: (tier: TierRow) => void;
  onArchive: (tier: TierRow) => void;
};

/** The tiers on sale, lowest rank first. */
export function TiersTable({ tiers, labelledBy, onEdit, onArchive }: TiersTableProps) {
  return (
    <Table aria-labelledby={labelledBy}>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead className="w-16">Rank</TableHead>
          <TableHead>Tier</TableHead>
          <TableHead>Price</TableHead>
          <TableHead className="hidden text-right md:table-cell">Subscribers</TableHead>
          <TableHead className="hidden sm:table-cell">Stripe</TableHead>
          <TableHead className="w-12">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {tiers.map((tier) => (
          <TableRow key={tier.id}>
            <TableCell className="tabular-nums">{tier.rank}</TableCell>
            <TableCell>
              <div className="grid min-w-0 gap-0.5">
                <span className="truncate font-medium">{tier.name}</span>
                {tier.description ? (
                  <span className="line-clamp-1 text-xs text-muted-foreground">{tier.description}</span>
                ) : null}
                {tier.benefits.length > 0 ? (
                  <span className="text-xs text-muted-foreground">{pluralize(tier.benefits.length, "benefit")}</span>
                ) : null}
              </div>
            </TableCell>
            <TableCell>
              <TierPrice tier={tier} />
            </TableCell>
            <TableCell className="hidden text-right tabular-nums md:table-cell">{tier.subscriberCount}</TableCell>
            <TableCell className="hidden sm:table-cell">
              <OnStripeBadge onStripe={tier.onStripe} />
            </TableCell>
            <TableCell className="text-right">
              <ItemActions name={tier.name} onEdit={() => onEdit(tier)} onArchive={() => onArchive(tier)} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
