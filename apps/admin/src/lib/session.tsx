import { createContext, type ReactNode, use } from "react";
import type { Me } from "./types";

type Session = {
  me: Me;
  /** Re-reads `me` from the console-wide client, e.g. after a change to one's own role. */
  refresh: () => Promise<unknown>;
};

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ value, children }: { value: Session; children: ReactNode }) {
  return <SessionContext value={value}>{children}</SessionContext>;
}

/** The signed-in staff user; only rendered below the console guard, which provides it. */
export function useSession(): Session {
  const session = use(SessionContext);
  if (!session) throw new Error("useSession must be used inside the console layout");
  return session;
}
