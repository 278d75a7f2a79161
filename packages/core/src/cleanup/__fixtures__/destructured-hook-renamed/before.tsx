import { useEffect } from "react";
import { useFlag } from "@acme/flags";

export function useCheckoutTracking(track: (event: string) => void) {
  const { enabled: isOn } = useFlag("new_flow");
  useEffect(() => {
    if (isOn) {
      track("new checkout shown");
    }
  }, [isOn, track]);
}
