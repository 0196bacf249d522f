import { invalidateSession } from "@marquee/auth";
import type { Context } from "../context";
import { changePassword, listUserMemberships, signIn, signUp } from "../services/users";
import { authedProcedure, createTRPCRouter, publicProcedure } from "../trpc";
import { changePasswordInput, signInInput, signUpInput } from "../validators";

function requestMeta(ctx: Context) {
  return { db: ctx.db, clientIp: ctx.clientIp, userAgent: ctx.userAgent, now: ctx.now() };
}

export const signInProcedure = publicProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
  const current = await ctx.getAuth();
  const { user, session } = await signIn(requestMeta(ctx), input, current?.session.id ?? null);
  ctx.setSessionCookie(session.token, session.session.expiresAt);
  ctx.setAuth({
    session: session.session,
    user,
    memberships: await listUserMemberships(ctx.db, user.id),
    renewed: false,
  });
  return { user };
});

export const signOutProcedure = publicProcedure.mutation(async ({ ctx }) => {
  const current = await ctx.getAuth();
  if (current) await invalidateSession(ctx.db, current.session.id);
  ctx.clearSessionCookie();
  ctx.setAuth(null);
  return { ok: true as const };
});

/** The signed-in user and the organizations they belong to, or null. */
export const meProcedure = publicProcedure.query(async ({ ctx }) => {
  const auth = await ctx.getAuth();
  if (!auth) return null;
  return { user: auth.user, memberships: auth.memberships };
});

export const authRouter = createTRPCRouter({
  signUp: publicProcedure.input(signUpInput).mutation(async ({ ctx, input }) => {
    const { user, session } = await signUp(requestMeta(ctx), input);
    const current = await ctx.getAuth();
    if (current) await invalidateSession(ctx.db, current.session.id);
    ctx.setSessionCookie(session.token, session.session.expiresAt);
    ctx.setAuth({ session: session.session, user, memberships: [], renewed: false });
    return { user };
  }),
  signIn: signInProcedure,
  signOut: signOutProcedure,
  me: meProcedure,
  changePassword: authedProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    const session = await changePassword(requestMeta(ctx), ctx.user.id, input);
    ctx.setSessionCookie(session.token, session.session.expiresAt);
    const current = await ctx.getAuth();
    ctx.setAuth({ session: session.session, user: ctx.user, memberships: current?.memberships ?? [], renewed: false });
    return { ok: true as const };
  }),
});
