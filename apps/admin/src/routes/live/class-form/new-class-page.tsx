import { PageHeader } from "@marquee/ui";
import { useNavigate } from "react-router";
import { useTenant } from "../../../lib/tenant-context";
import { BackToClasses } from "../back-to-classes";
import { ClassForm } from "./class-form";

export function NewClassPage() {
  const tenant = useTenant();
  const navigate = useNavigate();
  return (
    <div className="grid max-w-3xl gap-6">
      <title>{`New class · Live classes · ${tenant.name} · Marquee Console`}</title>
      <PageHeader
        eyebrow={<BackToClasses />}
        title="New class"
        description="Members see the class on your page as soon as it is scheduled, and enroll with tokens."
      />
      <ClassForm liveClass={null} onSaved={(id) => navigate(`/t/${tenant.slug}/live/${id}`)} />
    </div>
  );
}
