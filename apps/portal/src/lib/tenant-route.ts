type RouteState = { matches: { params: Record<string, string | undefined> }[] };
type RouterLike = { state: RouteState; subscribe(listener: (state: RouteState) => void): () => void };

/** The organization of the page on screen: the `:tenantSlug` of the current route. */
export type TenantRoute = {
  slug(): string | null;
  subscribe(listener: (slug: string | null) => void): () => void;
};

export function tenantRouteOf(router: RouterLike): TenantRoute {
  // Every match carries the params of the whole URL, so the deepest one has them all.
  const slugOf = (state: RouteState) => state.matches.at(-1)?.params.tenantSlug ?? null;
  return {
    slug: () => slugOf(router.state),
    subscribe: (listener) => router.subscribe((state) => listener(slugOf(state))),
  };
}
