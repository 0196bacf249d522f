import { type RefObject, useEffect } from "react";

/**
 * Calls `load` when `target` comes near the viewport: infinite scroll on top of a
 * "Load more" button, which stays for keyboards and for browsers without IntersectionObserver.
 */
export function useAutoLoad(target: RefObject<Element | null>, enabled: boolean, load: () => void) {
  useEffect(() => {
    const element = target.current;
    if (!enabled || !element || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) load();
      },
      { rootMargin: "600px 0px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [target, enabled, load]);
}
