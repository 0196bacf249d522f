import { ArrowLeft } from "lucide-react";
import { Link } from "react-router";
import { useTenant } from "../../lib/tenant-context";

export function BackToClasses() {
  const tenant = useTenant();
  return (
    <Link to={`/t/${tenant.slug}/live`} className="inline-flex items-center gap-1.5 underline-offset-4 hover:underline">
      <ArrowLeft aria-hidden="true" className="size-4" />
      Live classes
    </Link>
  );
}
