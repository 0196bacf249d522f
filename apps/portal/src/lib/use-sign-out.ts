import { toast } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { useNavigate } from "react-router";
import { invalidateViewerData } from "./session";
import { trpc } from "./trpc";

export function useSignOut() {
  const utils = trpc.useUtils();
  const navigate = useNavigate();
  return trpc.auth.signOut.useMutation({
    onSuccess: async () => {
      utils.auth.me.setData(undefined, null);
      await invalidateViewerData(utils);
      await navigate("/");
      toast.success("You're signed out");
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
}
