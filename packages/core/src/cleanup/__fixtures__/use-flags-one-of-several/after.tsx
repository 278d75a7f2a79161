import { useFlags } from "launchdarkly-react-client-sdk";
import { NewLinks } from "./links";

export function Nav() {
  const { darkMode } = useFlags();
  return (
    <nav className={darkMode ? "dark" : "light"}>
      <NewLinks />
    </nav>
  );
}
