import { type RefObject, useEffect, useRef } from "react";

/** A ref that always holds the latest `value`, for callbacks that must not restart when it changes. */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  }, [value]);
  return ref;
}
