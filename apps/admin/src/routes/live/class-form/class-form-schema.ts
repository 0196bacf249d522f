import { classInput } from "@marquee/api/validators";
import { z } from "zod";
import type { LiveClassRow } from "../../../lib/types";

// The server accepts a start up to a minute late, for the time it takes to submit.
const LATE_START_MS = 60_000;

/** "2026-11-24T18:00", the value of a datetime-local input, read in the browser's time zone. */
export function parseLocalDateTime(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const pad = (value: number) => String(value).padStart(2, "0");

/** The other way: a stored UTC instant as this browser's wall-clock time. */
export function toLocalDateTime(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * The API's rules and messages per field; the start is typed as wall-clock time. An edited
 * class may keep a start that has passed meanwhile, but not be moved into the past.
 */
export function classFormSchema(savedStart: string | null) {
  return z.object({
    title: classInput.shape.title,
    description: classInput.shape.description.unwrap(),
    scheduledStart: z.string().superRefine((value, ctx) => {
      const start = parseLocalDateTime(value);
      if (!start) {
        ctx.addIssue({ code: "custom", message: "Choose a start date and time" });
      } else if (value !== savedStart && start.getTime() < Date.now() - LATE_START_MS) {
        ctx.addIssue({ code: "custom", message: "Choose a start time in the future." });
      }
    }),
    durationMinutes: classInput.shape.durationMinutes,
    priceTokens: classInput.shape.priceTokens,
    keepRecording: z.boolean(),
    /** "" while nobody is chosen; only owners and admins choose. */
    instructorUserId: z.string(),
  });
}

export type ClassFormValues = z.output<ReturnType<typeof classFormSchema>>;

export function toFormValues(liveClass: LiveClassRow | null, defaultInstructor: string): ClassFormValues {
  if (!liveClass) {
    return {
      title: "",
      description: "",
      scheduledStart: "",
      durationMinutes: 60,
      priceTokens: 0,
      keepRecording: true,
      instructorUserId: defaultInstructor,
    };
  }
  return {
    title: liveClass.title,
    description: liveClass.description,
    scheduledStart: toLocalDateTime(liveClass.scheduledStart),
    durationMinutes: liveClass.durationMinutes,
    priceTokens: liveClass.priceTokens,
    keepRecording: liveClass.keepRecording,
    instructorUserId: liveClass.instructorUserId,
  };
}

/** The API's input; the server stores the start in UTC. */
export function toClassInput(values: ClassFormValues, choosesInstructor: boolean) {
  return {
    title: values.title,
    description: values.description,
    // The schema only lets a parseable start through; an invalid Date would be refused by the server anyway.
    scheduledStart: parseLocalDateTime(values.scheduledStart) ?? new Date(Number.NaN),
    durationMinutes: values.durationMinutes,
    priceTokens: values.priceTokens,
    keepRecording: values.keepRecording,
    instructorUserId: choosesInstructor && values.instructorUserId ? values.instructorUserId : undefined,
  };
}
