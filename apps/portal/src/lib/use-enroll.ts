import { toast } from "@marquee/ui";
import { toUserError } from "@marquee/ui/trpc";
import { useState } from "react";
import { trpc } from "./trpc";

/**
 * Takes a seat in a class. A refusal for lack of tokens is not a toast: the caller shows it
 * where the button was (`refusal`), with the way to more tokens.
 */
export function useEnroll(liveClass: { id: string; title: string }) {
  const utils = trpc.useUtils();
  const [refusal, setRefusal] = useState<string | null>(null);
  const enroll = trpc.live.enroll.useMutation({
    // Awaited, so the button stays busy until the card shows the seat.
    onSuccess: async () => {
      setRefusal(null);
      toast.success(`You're enrolled in ${liveClass.title}`);
      await Promise.all([
        utils.live.list.invalidate(),
        utils.live.watch.invalidate({ id: liveClass.id }),
        utils.wallet.invalidate(),
      ]);
    },
    onError: (error) => {
      const { fieldErrors, message } = toUserError(error);
      if (fieldErrors.tokens) {
        setRefusal(message);
        void utils.wallet.balance.invalidate();
        return;
      }
      toast.error(message);
      // The class may have changed meanwhile (cancelled, over): show what it is now.
      void utils.live.invalidate();
    },
  });
  return { enroll: () => enroll.mutate({ id: liveClass.id }), pending: enroll.isPending, refusal };
}
