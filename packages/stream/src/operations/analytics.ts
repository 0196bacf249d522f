import { StreamError, unexpectedResponse } from "../errors";
import { type GraphqlContext, queryGraphql } from "../graphql";

/** Minutes of one video Cloudflare delivered (and bills) over HLS/DASH, whatever the player. */
export type DeliveredMinutes = { uid: string; minutes: number };

export type MinutesDeliveredOptions = {
  /** Rows per GraphQL page, 1..10000 (Cloudflare's maximum, the default); smaller only to exercise paging. */
  pageSize?: number;
};

const MAX_PAGE_SIZE = 10_000;
const DAY_MS = 86_400_000;

type MinutesPage = {
  viewer?: {
    accounts?: {
      streamMinutesViewedAdaptiveGroups?: { sum?: { minutesViewed?: unknown }; dimensions?: { uid?: unknown } }[];
    }[];
  };
};

// Seek pagination (Cloudflare's Stream analytics docs): the first page has no uid_gt at all.
function minutesQuery(paged: boolean, limit: number): string {
  const after = paged ? { variable: ", $after: string!", filter: ", uid_gt: $after" } : { variable: "", filter: "" };
  return `query StreamMinutesDelivered($accountTag: string!, $start: Date!, $end: Date!${after.variable}) {
  viewer {
    accounts(filter: { accountTag: $accountTag }) {
      streamMinutesViewedAdaptiveGroups(
        filter: { date_geq: $start, date_lt: $end${after.filter} }
        orderBy: [uid_ASC]
        limit: ${limit}
      ) {
        sum { minutesViewed }
        dimensions { uid }
      }
    }
  }
}`;
}

/** The day after a `YYYY-MM-DD` UTC day; refuses anything that is not a real calendar day. */
function nextDay(day: string): string {
  const start = /^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(`${day}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(start) || new Date(start).toISOString().slice(0, 10) !== day) {
    throw new StreamError("invalid", `Not a day: "${day}" (expected YYYY-MM-DD)`);
  }
  return new Date(start + DAY_MS).toISOString().slice(0, 10);
}

function readPage(data: MinutesPage): DeliveredMinutes[] {
  const groups = data.viewer?.accounts?.[0]?.streamMinutesViewedAdaptiveGroups;
  if (!Array.isArray(groups)) throw unexpectedResponse("analytics without the account's minutes");
  return groups.map((group) => {
    const uid = group.dimensions?.uid;
    const minutes = group.sum?.minutesViewed;
    if (typeof uid !== "string" || typeof minutes !== "number") throw unexpectedResponse("analytics row without uid");
    return { uid, minutes };
  });
}

export function analyticsOperations(ctx: GraphqlContext) {
  return {
    /**
     * Minutes delivered per video on one UTC day (`YYYY-MM-DD`), sorted by uid: the figure Cloudflare bills
     * delivery by. Reads the GraphQL Analytics API, so the token needs Account Analytics Read. Cloudflare keeps
     * 90 days; figures for the current day still grow.
     */
    async minutesDelivered(day: string, options: MinutesDeliveredOptions = {}): Promise<DeliveredMinutes[]> {
      const end = nextDay(day);
      const asked = Number.isFinite(options.pageSize) ? Math.trunc(options.pageSize ?? MAX_PAGE_SIZE) : MAX_PAGE_SIZE;
      const pageSize = Math.min(Math.max(asked, 1), MAX_PAGE_SIZE);
      const variables = { accountTag: ctx.accountId, start: day, end };
      const rows: DeliveredMinutes[] = [];
      let after: string | undefined;
      for (;;) {
        const query = minutesQuery(after !== undefined, pageSize);
        const page = readPage(await queryGraphql<MinutesPage>(ctx, query, after ? { ...variables, after } : variables));
        rows.push(...page);
        const last = page.at(-1)?.uid;
        if (page.length < pageSize || last === undefined) return rows;
        // A server ignoring uid_gt would send the same page forever.
        if (after !== undefined && last <= after) throw unexpectedResponse("analytics pages out of order");
        after = last;
      }
    },
  };
}
