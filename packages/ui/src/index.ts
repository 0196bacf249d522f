export { AffixInput } from "./components/affix-input";
export { Alert } from "./components/alert";
export { AppShell, NavItem, NavSection } from "./components/app-shell";
export { Avatar } from "./components/avatar";
export { Badge, type BadgeProps, badgeVariants } from "./components/badge";
export { Button, type ButtonProps, buttonVariants } from "./components/button";
export { CaptionsMenu } from "./components/captions-menu";
export { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "./components/card";
export { ConfirmDialog } from "./components/confirm-dialog";
export { CopyButton } from "./components/copy-button";
export { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "./components/dialog";
export {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "./components/dropdown-menu";
export { Dropzone } from "./components/dropzone";
export { EmptyState } from "./components/empty-state";
export { ErrorState } from "./components/error-state";
export { Field } from "./components/field";
export { Input, NumberInput, PasswordInput, SearchInput, Textarea } from "./components/input";
export { Logo } from "./components/logo";
export { PageHeader } from "./components/page-header";
export { Progress } from "./components/progress";
export { type MemberRole, ROLE_DESCRIPTIONS, ROLE_LABELS, RoleBadge } from "./components/role-badge";
export { SegmentedControl, type SegmentedOption } from "./components/segmented-control";
export { Select, type SelectOption } from "./components/select";
export { PageSpinner, Skeleton, Spinner } from "./components/spinner";
export {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  TableSkeleton,
} from "./components/table";
export { Toaster, toast } from "./components/toaster";
export { VideoPlayer } from "./components/video-player";
export { useDebouncedValue } from "./hooks/use-debounced-value";
export { type HlsPlayback, type PlaybackStatus, useHlsPlayback } from "./hooks/use-hls-playback";
export { cn } from "./lib/cn";
export { focusRing } from "./lib/focus-ring";
export type { CaptionTrack } from "./lib/hls-engines";
export { safeNext, withNext } from "./lib/safe-next";
export { endSession, exchangeSdp, type SignalledSession, SignallingError } from "./lib/webrtc-signalling";
