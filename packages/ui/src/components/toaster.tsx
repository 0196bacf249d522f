import { Toaster as SonnerToaster } from "sonner";

export { toast } from "sonner";

/** Mount once per app; toasts then come from `toast.success(...)` / `toast.error(...)` anywhere. */
export function Toaster() {
  return (
    <SonnerToaster
      theme="system"
      position="top-right"
      richColors
      closeButton
      toastOptions={{ className: "font-sans" }}
    />
  );
}
