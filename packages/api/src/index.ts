export {
  type ApiConfig,
  type Context,
  createInnerContext,
  createRequestContext,
  type InnerContextOptions,
} from "./context";
export { AppError, type AppErrorCode } from "./errors";
export {
  type AdminRouter,
  adminRouter,
  createAdminCaller,
  createPortalCaller,
  type PortalRouter,
  portalRouter,
} from "./root";
export { ensurePlatformAdmin } from "./services/users";
export type { FieldErrors } from "./trpc";
