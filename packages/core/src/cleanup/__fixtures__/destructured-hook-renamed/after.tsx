import { useEffect } from "react";

export function useCheckoutTracking(track: (event: string) => void) {
  useEffect(() => {
    track("new checkout shown");
  }, [true, track]);
}
