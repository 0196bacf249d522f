import type { MembershipRole } from "@marquee/db";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import type { Context } from "./context";
import { AppError, toTRPCError } from "./errors";

export type FieldErrors = Record<string, string[] | undefined>;

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  // Never send stack traces, whatever NODE_ENV says.
  isDev: false,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    let fieldErrors: FieldErrors | null = null;
    let formErrors: string[] | null = null;
    if (cause instanceof ZodError) {
      const flat = z.flattenError(cause);
      fieldErrors = flat.fieldErrors as FieldErrors;
      formErrors = flat.formErrors;
    } else if (cause instanceof AppError && cause.field) {
      fieldErrors = { [cause.field]: [cause.message] };
    }
    const { stack: _stack, ...data } = shape.data;
    return {
      ...shape,
      message: userMessage(error.code, cause, shape.message),
      data: { ...data, fieldErrors, formErrors },
    };
  },
});

function userMessage(code: string, cause: unknown, message: string): string {
  // Internal messages may carry SQL or library details; the user gets a plain sentence.
  if (code === "INTERNAL_SERVER_ERROR") return "Something went wrong on our side. Please try again.";
  if (cause instanceof ZodError) return "Some fields need attention.";
  if (cause instanceof SyntaxError) return "The request could not be read: its body is not valid JSON.";
  return message;
}

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Maps service errors to tRPC errors, in one place, and sets Retry-After for rate limits. */
const appErrors = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const appError = result.error.cause;
    if (appError.retryAfterSeconds !== undefined) ctx.resHeaders.set("Retry-After", String(appError.retryAfterSeconds));
    throw toTRPCError(appError);
  }
  return result;
});

export const publicProcedure = t.procedure.use(appErrors);

export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const auth = await ctx.getAuth();
  if (!auth) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in to continue." });
  return next({ ctx: { user: auth.user, session: auth.session } });
});

function tenantProcedure(allowed: readonly MembershipRole[]) {
  return authedProcedure.use(async ({ ctx, next }) => {
    if (!ctx.tenantSlug) throw new TRPCError({ code: "BAD_REQUEST", message: "No organization selected." });
    const access = await ctx.getTenantAccess(ctx.tenantSlug);
    if (access?.tenant.status !== "active") {
      throw new TRPCError({ code: "NOT_FOUND", message: "This organization does not exist or is no longer active." });
    }
    const { role } = access;
    if (!role) throw new TRPCError({ code: "FORBIDDEN", message: "You are not a member of this organization." });
    if (!allowed.includes(role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Your role in this organization does not allow this." });
    }
    return next({ ctx: { tenant: access.tenant, role } });
  });
}

export const memberProcedure = tenantProcedure(["owner", "admin", "instructor", "member"]);
export const instructorProcedure = tenantProcedure(["owner", "admin", "instructor"]);
export const tenantAdminProcedure = tenantProcedure(["owner", "admin"]);

export const platformAdminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!ctx.user.isPlatformAdmin) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only platform administrators can do this." });
  }
  return next({ ctx: { user: ctx.user } });
});

/**
 * For pages anyone may open inside a tenant (the catalog, a watch page): the tenant must
 * exist and be active; the caller may be anonymous or not a member (role null).
 */
export const publicTenantProcedure = publicProcedure.use(async ({ ctx, next }) => {
  if (!ctx.tenantSlug) throw new TRPCError({ code: "BAD_REQUEST", message: "No organization selected." });
  const access = await ctx.getTenantAccess(ctx.tenantSlug);
  if (access?.tenant.status !== "active") {
    throw new TRPCError({ code: "NOT_FOUND", message: "This organization does not exist or is no longer active." });
  }
  const auth = await ctx.getAuth();
  return next({ ctx: { tenant: access.tenant, role: access.role, viewerUser: auth?.user ?? null } });
});
