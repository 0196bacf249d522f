import { Button, EmptyState, PageHeader } from "@marquee/ui";
import { CalendarX } from "lucide-react";
import { Link, useNavigate, useParams } from "react-router";
import { useTenant } from "../../../lib/tenant-context";
import { BackToClasses } from "../back-to-classes";
import { ClassLoadState } from "../class-load-state";
import { useLiveClass } from "../use-live-class";
import { ClassForm } from "./class-form";

export function EditClassPage() {
  const tenant = useTenant();
  const navigate = useNavigate();
  const { classId = "" } = useParams();
  const { query, liveClass } = useLiveClass(classId);

  if (!liveClass) return <ClassLoadState query={query} />;
  const over = liveClass.status === "ended" || liveClass.status === "cancelled";
  const classPath = `/t/${tenant.slug}/live/${liveClass.id}`;
  return (
    <div className="grid max-w-3xl gap-6">
      <title>{`Edit ${liveClass.title} · Live classes · ${tenant.name} · Marquee Console`}</title>
      <PageHeader eyebrow={<BackToClasses />} title={`Edit ${liveClass.title}`} />
      {over ? (
        <EmptyState
          icon={CalendarX}
          title="This class is over"
          description="Ended and cancelled classes can no longer be edited."
          action={
            <Button asChild variant="outline">
              <Link to={classPath}>Back to the class</Link>
            </Button>
          }
        />
      ) : (
        // Keyed: a refresh must not reset what is being typed, but another class must.
        <ClassForm key={liveClass.id} liveClass={liveClass} onSaved={() => navigate(classPath)} />
      )}
    </div>
  );
}
